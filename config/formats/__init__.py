"""Number formats where Django's own locale data groups no thousands
(FORMAT_MODULE_PATH): only the separator and the grouping, from CLDR's
number symbols and patterns for each language (cldr.unicode.org, v45).
Only counts shown to readers are grouped (``intcomma``, ``number_format``
with ``force_grouping``): USE_THOUSAND_SEPARATOR stays off, so ids in
addresses are never grouped."""

# CLDR fil: grouping separator ',', pattern #,##0.###
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

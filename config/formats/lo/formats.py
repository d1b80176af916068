# CLDR lo: decimal separator ",", grouping separator ".", pattern #,##0.###
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3

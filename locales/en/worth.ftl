# What each path is worth to this family (issue 12), on the contract screen: the quota path's
# support in tenge for the year (or in MCI while the year's MCI is not published) and what
# general grounds ask instead. Amounts come formatted ($amount, $min, $max).

ui-worth-title = What the quota path brings your family in { $year }
ui-worth-family = Family members who move, from your answers: { $members }
ui-worth-band = { $min } to { $max }
ui-worth-up-to = up to { $max }
ui-worth-mci = { $mci } MCI
ui-worth-monthly = { $amount } a month, for { $months } months
ui-worth-per-member = { $mci } MCI for each member (members: { $members })
ui-worth-total = In all: { $amount }
ui-worth-mci-value = 1 MCI in { $year } = { $amount }
ui-worth-mci-not-published = The MCI for { $year } is not yet published, so the amounts are in MCI only.
ui-worth-band-note = A range: how the amount within it is chosen is not published.
ui-worth-source = Source: { $source }
ui-worth-general-title = What general grounds ask instead
ui-worth-means-funds-kzt = Funds of { $amount } ({ $mci } MCI in { $year })
ui-worth-means-funds = Funds of { $mci } MCI (the MCI for { $year } is not yet published)
ui-worth-means-housing = Plus money for { $m2 } m² of housing: { $per } m² for each member aged { $age } or over (counted: { $count }). The price per m² is not stated in the sources.
ui-worth-means-housing-each = Plus money for { $per } m² of housing for each family member aged { $age } or over. The price per m² is not stated in the sources.
ui-worth-means-age-unknown = Members without a birth date in your answers: { $count }. Add it to count them.
ui-worth-means-exempt = Your answers say you are an ethnic Kazakh: you do not need to show these funds.
ui-worth-means-applies = Your answers say you are not an ethnic Kazakh: these funds are asked of you.
ui-worth-source-means = Law on Population Migration, art. 23; the Interior Ministry's rules on egov.kz

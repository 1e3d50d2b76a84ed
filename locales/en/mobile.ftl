# English: words only the app (kosh-mobile's screens) needs, beyond ui.ftl.
# Keys: mobile-<screen>-<thing>. Country names: mobile-country-<ISO 3166-1 code, lower case>.

## App errors

mobile-error-storage = Answers cannot be saved on this phone. Its memory may be full. Keep the app open until your answers are sent.

## Settings: server address (phone and computer apps only)

mobile-settings-server = Server address
mobile-settings-server-bad = The address must start with http:// or https://

## Unknown page

mobile-not-found-title = There is no such page.

## Score

mobile-score-criteria = Points by criterion
# $points: how many points would be added.
mobile-score-gain =
    +{ $points } { $points ->
        [one] point
       *[other] points
    }
mobile-score-unanswered = Some questions have no answer yet. They count as 0 points for now.

## Contract

mobile-contract-invalid = Check the contract: the region, the signing date and the number of people in the family are needed.
mobile-contract-support-invalid = Check the payment: the kind of support, the amount in tenge and the date are needed.

## Countries


mobile-country-kz = Kazakhstan
mobile-country-uz = Uzbekistan
mobile-country-cn = China
mobile-country-tm = Turkmenistan
mobile-country-mn = Mongolia
mobile-country-ru = Russia
mobile-country-kg = Kyrgyzstan
mobile-country-tj = Tajikistan
mobile-country-af = Afghanistan
mobile-country-ir = Iran
mobile-country-tr = Türkiye
mobile-country-az = Azerbaijan
mobile-country-ge = Georgia
mobile-country-am = Armenia
mobile-country-ua = Ukraine
mobile-country-by = Belarus
mobile-country-md = Moldova
mobile-country-lt = Lithuania
mobile-country-lv = Latvia
mobile-country-ee = Estonia
mobile-country-pl = Poland
mobile-country-de = Germany
mobile-country-gb = United Kingdom
mobile-country-us = United States
mobile-country-ca = Canada
mobile-country-kr = South Korea
mobile-country-jp = Japan
mobile-country-in = India
mobile-country-pk = Pakistan
mobile-country-ae = United Arab Emirates

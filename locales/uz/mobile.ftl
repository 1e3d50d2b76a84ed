# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Oʻzbekcha (lotin yozuvi): faqat ilovaga (kosh-mobile ekranlari) kerak soʻzlar, ui.ftl dan tashqari.

## Ilova xatolari

mobile-error-storage = Javoblarni shu telefonga saqlab boʻlmayapti. Xotira toʻlgan boʻlishi mumkin. Javoblar yuborilmaguncha ilovani yopmang.

## Sozlamalar: server manzili (faqat telefon va kompyuter ilovasida)

mobile-settings-server = Server manzili
mobile-settings-server-bad = Manzil http:// yoki https:// bilan boshlanishi kerak

## Nomaʼlum sahifa

mobile-not-found-title = Bunday sahifa yoʻq.

## Ballar

mobile-score-criteria = Bandlar boʻyicha ballar
# $points — necha ball qoʻshiladi.
mobile-score-gain = +{ $points } ball
mobile-score-unanswered = Baʼzi savollarga hali javob yoʻq. Ular uchun hozircha 0 ball.

## Shartnoma

mobile-contract-invalid = Shartnoma maʼlumotlarini tekshiring: viloyat, imzolangan sana va oiladagi odamlar soni kerak.
mobile-contract-support-invalid = Toʻlovni tekshiring: yordam turi, tengedagi summa va sana kerak.

## Davlatlar


mobile-country-kz = Qozogʻiston
mobile-country-uz = Oʻzbekiston
mobile-country-cn = Xitoy
mobile-country-tm = Turkmaniston
mobile-country-mn = Mongoliya
mobile-country-ru = Rossiya
mobile-country-kg = Qirgʻiziston
mobile-country-tj = Tojikiston
mobile-country-af = Afgʻoniston
mobile-country-ir = Eron
mobile-country-tr = Turkiya
mobile-country-az = Ozarbayjon
mobile-country-ge = Gruziya
mobile-country-am = Armaniston
mobile-country-ua = Ukraina
mobile-country-by = Belarus
mobile-country-md = Moldova
mobile-country-lt = Litva
mobile-country-lv = Latviya
mobile-country-ee = Estoniya
mobile-country-pl = Polsha
mobile-country-de = Germaniya
mobile-country-gb = Buyuk Britaniya
mobile-country-us = AQSH
mobile-country-ca = Kanada
mobile-country-kr = Janubiy Koreya
mobile-country-jp = Yaponiya
mobile-country-in = Hindiston
mobile-country-pk = Pokiston
mobile-country-ae = BAA

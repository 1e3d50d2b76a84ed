# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Oʻzbek tili ona tili boʻlmagan odam yozgan: chiqarishdan oldin oʻzbek tili ona tili boʻlgan odam tekshirishi kerak.
# Oʻzbekcha (lotin yozuvi): har bir yoʻl bu oilaga nima beradi (issue 12), shartnoma ekranida.
# Summalar tayyor holda keladi ($amount, $min, $max).

ui-worth-title = { $year }-yilda kvota oilangizga nima beradi
ui-worth-family = Javoblaringiz boʻyicha koʻchadigan oila aʼzolari: { $members }
ui-worth-band = { $min } dan { $max } gacha
ui-worth-up-to = { $max } gacha
ui-worth-mci = { $mci } AEK
ui-worth-monthly = oyiga { $amount }, { $months } oy
ui-worth-per-member = har bir aʼzoga { $mci } AEK (aʼzolar: { $members })
ui-worth-total = Jami: { $amount }
ui-worth-mci-value = { $year }-yilda 1 AEK = { $amount }
ui-worth-mci-not-published = { $year }-yil uchun AEK hali eʼlon qilinmagan, shuning uchun summalar faqat AEKda.
ui-worth-band-note = Bu oraliq: uning ichida summa qanday tanlanishi eʼlon qilinmagan.
ui-worth-source = Manba: { $source }
ui-worth-general-title = Umumiy asoslar buning oʻrniga nima talab qiladi
ui-worth-means-funds-kzt = Mablagʻ: { $amount } ({ $year }-yilda { $mci } AEK)
ui-worth-means-funds = Mablagʻ: { $mci } AEK ({ $year }-yil uchun AEK hali eʼlon qilinmagan)
ui-worth-means-housing = Va { $m2 } m² uy-joy uchun pul: { $age } yoshdan katta har bir aʼzoga { $per } m² (hisoblangani: { $count }). Bir m² narxi manbalarda koʻrsatilmagan.
ui-worth-means-housing-each = Va { $age } yoshdan katta har bir oila aʼzosiga { $per } m² uy-joy uchun pul. Bir m² narxi manbalarda koʻrsatilmagan.
ui-worth-means-age-unknown = Javoblarda tugʻilgan sanasi yoʻq aʼzolar: { $count }. Ularni hisoblash uchun sanani kiriting.
ui-worth-means-exempt = Javoblaringiz boʻyicha siz etnik qozoqsiz: bu mablagʻni koʻrsatishingiz shart emas.
ui-worth-means-applies = Javoblaringiz boʻyicha siz etnik qozoq emassiz: bu mablagʻni koʻrsatishingiz kerak.
ui-worth-source-means = Aholi migratsiyasi toʻgʻrisidagi qonun, 23-modda; egov.kz dagi IIV qoidalari

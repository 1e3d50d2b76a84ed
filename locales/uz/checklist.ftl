# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Oʻzbek tili ona tili boʻlmagan odam yozgan: chiqarishdan oldin oʻzbek tili ona tili boʻlgan odam tekshirishi kerak.
# Hujjatlar roʻyxati ekrani va oʻzingiz bilan olib yuradigan xulosa (qozoq va rus tillarida chop etiladi).

## Hujjatlar roʻyxati

checklist-title = Qanday hujjatlarni olib borish kerak
checklist-intro = Bu roʻyxat javoblaringizdan tuzilgan. Hujjat tayyor boʻlganda belgilang.
checklist-missing = Tayyor emas: { $total } ta hujjatdan { $missing } tasi
checklist-all-ready = Roʻyxatdagi barcha hujjatlar tayyor.
checklist-for-you = Siz
checklist-for-family = Butun oila, bir marta
checklist-member = { $relation }: { $name }
checklist-member-unnamed = Oila aʼzosi { $number }
checklist-path = Nima uchun kerak: { $path }
checklist-where = Qayerga topshiriladi: { $place }
checklist-uncertain = Bu qonunda belgilanmagan: borishdan oldin idoradan soʻrang
checklist-issued-on = Berilgan sana
checklist-usable-until = { $date } gacha topshirish mumkin
checklist-too-old-by-visit = Topshirish kuni u { $days } kundan eski boʻladi: oʻsha kunga yaqinroq yangisini oling
checklist-visit-title = Hujjatlarni topshirish kuni
checklist-visit-hint = Hujjatlarning muddati shu kunga qarab tekshiriladi. U faqat shu telefonda saqlanadi.
checklist-open = Qanday hujjatlarni olib borish kerak

## Oʻzingiz bilan olib yuradigan xulosa

summary-title = Ariza xulosasi
summary-made-on = Tuzilgan sana: { $date }
summary-print = Chop etish yoki PDF sifatida saqlash
summary-print-hint = Telefonda chop etish oynasida «PDF sifatida saqlash»ni tanlang, soʻng faylni yuboring.
summary-share = PDF fayl sifatida yuborish
summary-share-hint = Ushbu xulosadan PDF fayl yasaydi: uni messenjer yoki elektron pochta orqali yuborish yoki boshqa joyda chop etish mumkin. Buning uchun aloqa va hisob kerak.
summary-share-working = PDF fayl tayyorlanmoqda…
summary-share-saved = kosh-summary.pdf fayli yuklanmalar jildida.
summary-share-offline = PDF fayl yasash uchun aloqa kerak. Chop etish aloqasiz ham ishlaydi.
summary-share-signed-out = PDF fayl yasash uchun hisob kerak: «Sozlamalar» boʻlimida kiring.
summary-share-failed = PDF fayl yasalmadi. Qayta urinib koʻring yoki chop eting.
summary-answers = Javoblar
summary-papers = Hujjatlar
summary-paper-ready = tayyor
summary-paper-missing = tayyor emas
summary-score = Dastlabki oʻzini oʻzi tekshirish
summary-open = Chop etish uchun xulosa

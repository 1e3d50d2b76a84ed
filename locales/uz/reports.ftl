# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Arizachining rasmiy xabarnoma haqidagi xabari va bosqich choʻzilganda yuboriladigan soʻrov.

## Ariza ekranidan xabarnoma haqida aytish

reports-title = Sizga xabar keldimi?
reports-intro = SMS, migratsiya portali yoki xat bu bosqich qanday tugaganini aytdimi? Unda nima deyilganini bosing.
reports-date-label = Xabarning sanasi
reports-confirm = Saqlash
reports-saved = Shu telefonda saqlandi. Internet boʻlganda Koshga yuboriladi.
reports-error-no-date = Xabarning toʻliq sanasini kiriting: kun, oy va yil.
reports-error-before-submission = Xabar arizangizdan oldin boʻlishi mumkin emas.

## Har bir bosqichda buni kim aytdi

reports-mark-confirmed = Migratsiya xizmati tasdiqladi.
reports-mark-kosh = Kosh yozib oldi.
reports-mark-pending = Buni siz xabar qildingiz. Hali yuborilmagan: shu telefonda saqlanmoqda.

## Kosh qabul qilmagan xabar

reports-refused-title = Kosh bu xabarni qabul qilmadi
# $stage — bosqich nomi, $outcome — natija, $date — xabar sanasi.
reports-refused-what = Siz xabar qildingiz: { $stage }, { $outcome }, { $date }.
reports-fix = Oʻzgartirish
reports-drop = Oʻchirish

## Bosqich choʻzilganda yuboriladigan soʻrov

reports-enquiry-title = Nega uzoq davom etayotganini soʻrash
reports-enquiry-intro = Bu matnni e-Otinish portalida (eotinish.kz) yuboring yoki aholiga xizmat koʻrsatish markazida koʻrsating. U qozoq va rus tillarida yozilgan.
reports-enquiry-own = Matnda nima deyilgan:
reports-enquiry-copy = Matnni nusxalash
reports-enquiry-copied = Nusxalandi. Murojaatingizga qoʻying.
reports-enquiry-copy-failed = Nusxalab boʻlmadi. Nusxalash uchun matnni bosib turing.
reports-enquiry-share = Yuborish…
# Soʻrovning oʻzi. $id — ariza raqami, $submitted — yuborilgan kun, $stage — choʻzilgan
# bosqich nomi, $since — boshlangan kun, $due — tugashi kerak boʻlgan kun; sanalar KK.OO.YYYY.
reports-enquiry = Assalomu alaykum. Men { $submitted } kuni doimiy yashash uchun ruxsatnoma olish maqsadida dastlabki skrining anketasini yubordim (ariza raqami: { $id }). “{ $stage }” bosqichi { $since } kuni boshlandi va { $due } gacha tugashi kerak edi, lekin hali javob yoʻq. Arizam qaysi bosqichda ekanini va qarorni qachon kutish mumkinligini xabar qilishingizni soʻrayman.

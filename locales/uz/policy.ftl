# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Oʻzbek tili ona tili boʻlmagan odam yozgan: chiqarishdan oldin oʻzbek tili ona tili boʻlgan odam tekshirishi kerak.
# Oʻzbekcha (lotin yozuvi). Siyosatdagi nomlar (shared/policy): viloyatlar, yordam turlari, ariza
# bosqichlari, bosqich natijalari, ball bandlari; qoidalarning manbalari va ogohlantirishlar.
# Sonlar (summalar, muddatlar, ballar) siyosatdan oʻzgaruvchilar orqali keladi: matnga yozmaymiz.
# Kalitlar rus tilidagi fayl bilan bir xil (ru/policy.ftl).

## Kandaslar koʻchib boradigan viloyatlar: region-<id>

region-akmola = Aqmola viloyati
region-abai = Abay viloyati
region-kostanay = Qostanay viloyati
region-pavlodar = Pavlodar viloyati
region-atyrau = Atirau viloyati
region-west_kazakhstan = Gʻarbiy Qozogʻiston viloyati
region-east_kazakhstan = Sharqiy Qozogʻiston viloyati
region-north_kazakhstan = Shimoliy Qozogʻiston viloyati
# $people — bir yillik kvota, $year — yil.
region-quota = { $year }-yil uchun kvota: { $people } kishi

## Davlatning kandaslarga yordami: support-<id>

support-relocation_subsidy = Koʻchish uchun pul
support-relocation_subsidy-hint = Bir marta toʻlanadi, oilaning har bir aʼzosiga.
# $amount — bir kishiga beriladigan summa.
support-relocation_subsidy-amount = Oilaning har bir aʼzosiga { $amount }, bir marta
support-rent_utilities = Ijara va kommunal xizmatlar uchun yordam
support-rent_utilities-hint = Koʻchib kelgandan keyingi birinchi oylarda har oy toʻlanadi.
# $min va $max — oylik summalar, $months — necha oy.
support-rent_utilities-amount = Oyiga { $min } dan { $max } gacha, { $months } oy davomida
support-employer_subsidy = Ish beruvchiga beriladigan pul
support-employer_subsidy-hint = Bu pulni kandasni ishga olgan ish beruvchi oladi. Oilaga toʻlanmaydi.
support-employer_subsidy-amount = Ish beruvchiga { $amount }
support-housing_certificate = Uy-joy sertifikati
support-housing_certificate-hint = Uy sotib olishga yordam beradi. Uni iqtisodiy harakatchanlik sertifikati deb ham atashadi.
support-housing_certificate-amount = { $amount } gacha
support-other = Boshqa yordam

## Ariza bosqichlari: stage-<id>, va bosqichda nima boʻladi

stage-submitted = Ariza yuborildi
stage-submitted-hint = Anketangiz yuborildi. Keyingi qadam — tizim ball hisoblaydi.
stage-language_test = Qozoq tili boʻyicha test (KAZTEST)
stage-language_test-hint = Test onlayn, A1 darajasi: tinglash va oʻqish. Har bir qismdan kamida 30% kerak. Uch martagacha topshirish mumkin, pullik. Test anketadan oldin topshiriladi: anketa faqat test sertifikati bilan ochiladi.
stage-scoring = Ball hisoblash
# $points — siyosatdagi oʻtish bali.
stage-scoring-hint = Tizim anketangiz boʻyicha ball hisoblaydi. Kamida { $points } ball kerak.
stage-interagency_checks = Davlat idoralarida tekshiruv
stage-interagency_checks-hint = Davlat idoralari maʼlumotlaringizni tekshiradi. Sizdan hech narsa kerak emas.
stage-interview = Suhbat
stage-interview-hint = Sizni yashash joyingizdagi politsiyaga suhbatga chaqirishadi. Pasportingizni olib boring.
stage-decision = Qaror
stage-decision-hint = Arizangiz boʻyicha qarorni sizga xabar qilishadi.
stage-residence_permit = Yashash uchun ruxsatnoma
stage-residence_permit-hint = Skrining sertifikati bilan yashash uchun ruxsatnomani aholiga xizmat koʻrsatish markazida soʻraysiz.

## Bosqich natijasi: outcome-<id>

outcome-pending = Javob kutilmoqda
outcome-passed = Oʻtdi
outcome-failed = Oʻtmadi
outcome-approved = Maʼqullandi
outcome-refused = Rad etildi

## Ball bandlari: criterion-<id>, va ularni nima oshirishi mumkin

criterion-age = Yosh
criterion-age-raise = Yoshni oʻzgartirib boʻlmaydi.
criterion-education = Taʼlim
criterion-education-raise = Kollej yoki oliy taʼlim diplomi koʻproq ball beradi.
criterion-language_kazakh = Qozoq tili
criterion-language_kazakh-raise = Qozoq tilini oʻrganing: har bir yuqoriroq daraja koʻproq ball beradi.
criterion-language_russian = Rus tili
criterion-language_russian-raise = Rus tilini yaxshiroq bilsangiz, koʻproq ball olasiz.
criterion-language_english = Ingliz tili
criterion-language_english-raise = Ingliz tili faqat IELTS yoki TOEFL sertifikati bilan hisoblanadi: undagi daraja yuqoriroq boʻlsa, koʻproq ball olasiz.
criterion-work_experience = Ish staji
criterion-work_experience-raise = Qancha koʻp yil ishlagan boʻlsangiz, shuncha koʻp ball.
criterion-professional_skills = Kasb
criterion-professional_skills-raise = Qozogʻistonga kerakli kasblar roʻyxatidagi kasb koʻproq ball beradi.
criterion-adaptability = Qozogʻiston bilan aloqa
criterion-adaptability-raise = Qozogʻistondagi qarindoshlar, bu yerda avval boʻlganingiz va oʻqiganingiz koʻproq ball beradi.

## Ogohlantirishlar

disclaimer-score = Bu dastlabki oʻz-oʻzini tekshirish, qaror emas. Faqat rasmiy tizimning natijasi hal qiladi.
disclaimer-score-illustrative = Taxminiy ballar
# $years — siyosatdagi shartnoma muddati.
disclaimer-refund = Agar oila viloyatdan { $years } yil toʻlmasdan ketsa, olingan butun yordamni qaytarishga toʻgʻri kelishi mumkin.
disclaimer-refund-uncertain = Biz qonun matnini koʻrmaganmiz. Faqat bir qismini qaytarish mumkinmi, qaysi toʻlovlar hisobga olinadi, uzrli sabab boʻlsa istisno bormi — nomaʼlum. Muddat imzolangan kundan hisoblanadimi yoki kelgan kundanmi, bu ham nomaʼlum. Biz imzolangan kundan hisoblaymiz.
disclaimer-rent-band = Bu oraliqdagi summa qanday tanlanishi nomaʼlum. Biz butun oraliqni koʻrsatamiz.
# $days — butun jarayonning umumiy muddati.
disclaimer-stage-durations = Skrining jami { $days } kungacha davom etishi xabar qilingan. “Bizning taxmin” deb belgilangan muddatlar eʼlon qilingan raqamlar emas.
disclaimer-general-grounds = Bu tartib haqidagi qonunni biz tekshirmaganmiz. Migratsiya xizmatidan aniqlang.
disclaimer-uncertain = Qonun bilan tasdiqlanmagan
disclaimer-not-official = Kosh davlat xizmati emas. Arizani davlat koʻrib chiqadi.

## Qoidalarning manbalari

source-mci = 2025-yil 8-dekabrdagi respublika byudjeti toʻgʻrisidagi qonun
source-quota = 2026-yil uchun kandaslar kvotasi haqidagi 2025-yil 30-dekabrdagi buyruq (mgorod.kz, baq.kz)
source-support = Mehnat vazirligining xabari (zakon.kz); NITEC; lada.kz
source-stages = Bosh vazir oʻrinbosari A. Balayeva, 2030-yilgacha boʻlgan Migratsiya siyosati konsepsiyasi; 2026-yil 30-yanvardagi qoʻshma buyruq
source-refund = Bosh vazir oʻrinbosari A. Balayeva, 2026-yil 8-yanvar (Sinxua, zakon.kz); lada.kz: viloyatdan besh yil toʻlmasdan ketilsa, yordamning butun summasi qaytariladi
source-general-grounds = Kandaslarga yordam shartlari: faqat kvota boʻyicha va besh yillik ijtimoiy shartnoma bilan (Mehnat vazirligi, zakon.kz)
source-scoring = 2026-yil 30-yanvardagi qoʻshma buyruq (Mehnat vazirligi № 41, IIV № 60, Raqamli rivojlanish vazirligi № 47): baholash bandlari va 400 ballik oʻtish bali

# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Oʻzbek tili ona tili boʻlmagan odam yozgan: chiqarishdan oldin oʻzbek tili ona tili boʻlgan odam tekshirishi kerak.
# Oʻzbekcha (lotin yozuvi). Server xatolari (error-<kod>) va javoblarni tekshirish (validation-<kod>).
# Odam buni savol ostida yoki ekranda koʻradi. Texnik soʻzlarsiz: nima boʻldi va nima qilish kerak.

## Server xatolari: kosh_shared::api::ERROR_CODES kodlari

error-bad_request = Ilova notoʻgʻri narsa yubordi. Ilovani yangilang va yana urinib koʻring.
error-unauthorized = Akkauntga qaytadan kiring.
error-forbidden = Bunga sizda ruxsat yoʻq.
error-not_found = Hech narsa topilmadi. Balki u oʻchirilgandir.
error-method_not_allowed = Bunday qilib boʻlmaydi. Ilovani yangilang.
error-conflict = Bu maʼlumotlar allaqachon oʻzgargan. Ekranni yangilang va yana urinib koʻring.
error-payload_too_large = Bir martada juda koʻp maʼlumot. Yana urinib koʻring.
error-unsupported_media_type = Ilova maʼlumotlarni notoʻgʻri koʻrinishda yubordi. Ilovani yangilang.
error-request_timeout = Server uzoq javob bermadi. Yana urinib koʻring.
error-rate_limited = Urinishlar juda koʻp. Biroz kuting va yana urinib koʻring.
error-internal = Serverda nosozlik. Javoblaringiz telefonda saqlangan. Keyinroq urinib koʻring.
error-invalid_email = Pochta manzilini tekshiring. Masalan: aigul@mail.kz
error-weak_password = Parol juda qisqa. Kamida 10 ta belgi kerak.
error-email_taken = Bu pochta allaqachon band. Oʻz akkauntingizga kiring.
error-invalid_credentials = Pochta yoki parol notoʻgʻri.
error-token_reused = Xavfsizlik uchun sizni akkauntdan chiqardik. Qaytadan kiring.
error-too_many_ops = Bir martada juda koʻp oʻzgarish. Ilova ularni qismlarga boʻlib yuboradi.
error-validation_failed = Anketada xatolar bor. Ularni tuzating va qayta yuboring.
error-invalid_transition = Arizaning bu bosqichini hozir oʻzgartirib boʻlmaydi.
error-unknown_region = Bunday viloyat roʻyxatda yoʻq. Viloyatni roʻyxatdan tanlang.
error-unknown_form = Bunday anketa yoʻq. Ilovani yangilang.
error-invalid_hlc = Telefondagi soat gʻalati vaqtni koʻrsatyapti. Sana va vaqtni tekshiring.
error-invalid_date = Sana notoʻgʻri. Kun, oy va yilni tekshiring.
error-uri_too_long = Ilova juda uzun manzil yubordi. Ilovani yangilang.
error-headers_too_large = Ilova bir vaqtda juda koʻp maʼlumot yubordi. Ilovani yangilang va yana urinib koʻring.
error-server_busy = Server band. Javoblaringiz telefoningizda saqlangan. Ilova tez orada yana urinib koʻradi.
error-storage_full = Server hozir saqlay olmaydi. Javoblaringiz telefoningizda saqlangan. Ilova keyinroq yana urinib koʻradi.
error-invalid_policy = Qoidalar qabul qilinmadi: ularda xatolar bor. Hech narsa eʼlon qilinmadi.
error-invalid_form = Soʻrovnoma qabul qilinmadi: unda xatolar bor. Hech narsa eʼlon qilinmadi.
error-version_exists = Soʻrovnomaning bu versiyasi boshqa mazmun bilan eʼlon qilingan. Uni yangi versiya sifatida eʼlon qiling.
error-hash_mismatch = Surat toʻliq yetib bormadi. Uni yana yuboramiz.
error-quota_exceeded = Serverda suratlaringiz uchun joy qolmadi. Bir nechta suratni oʻchirib, qayta urinib koʻring.
error-bad_range = Surat yuklanishi adashdi. Uni oʻzimiz davom ettiramiz.

## Telefondagi xatolar (server kodisiz)

error-unknown = Nimadir notoʻgʻri ketdi. Yana urinib koʻring.
error-offline = Internet yoʻq. Javoblar telefonda saqlandi.
error-server-unreachable = Server javob bermayapti. Oʻzimiz yana urinib koʻramiz.
error-storage-damaged = Telefonda saqlangan maʼlumotlar buzilgan. Ularni chetga olib qoʻyib, qaytadan boshladik.

## Javoblarni tekshirish: kosh_shared::validate::CODES kodlari

validation-required = Bu savolga javob bering.
validation-wrong_type = Bunday javob toʻgʻri kelmaydi. Yana urinib koʻring.
validation-below_min = Son juda kichik.
validation-above_max = Son juda katta.
validation-not_integer = Butun son yozing, vergulsiz.
validation-too_short = Juda qisqa. Koʻproq yozing.
validation-too_long = Juda uzun. Qisqaroq yozing.
validation-invalid_date = Sana notoʻgʻri. Kun, oy va yilni tekshiring.
validation-date_too_early = Sana juda erta.
validation-date_too_late = Sana juda kech. U bugundan keyin boʻlishi mumkin emas.
validation-invalid_option = Javobni roʻyxatdan tanlang.
validation-duplicate_option = Bu javob allaqachon tanlangan.
validation-exclusive_option = Bu javobni boshqalari bilan birga tanlab boʻlmaydi. Faqat bittasini qoldiring.
validation-too_few_items = Kamida bitta yozuv qoʻshing.
validation-too_many_items = Yozuvlar juda koʻp.
validation-invalid_email = Pochta manzilini tekshiring. Masalan: aigul@mail.kz
validation-invalid_phone = Telefon raqamini tekshiring. Davlat kodidan boshlang, masalan +998.
validation-invalid_country = Davlatni roʻyxatdan tanlang.
validation-invalid_region = Viloyatni roʻyxatdan tanlang.
validation-unknown_question = Anketada bunday savol yoʻq. Ilovani yangilang.
validation-check_failed = Bu javob boshqa javoblarga mos kelmayapti. Ularni tekshiring.
validation-end_before_start = Tugagan sana boshlangan sanadan oldin turibdi.
validation-more_years_than_age = Ish staji yoshingizdan koʻp boʻlishi mumkin emas.
validation-kaztest_below_pass = 30% dan kam. KAZTESTdan oʻtish uchun har bir qismdan kamida 30% kerak.

# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Oʻzbek tili ona tili boʻlmagan odam yozgan: chiqarishdan oldin oʻzbek tili ona tili boʻlgan odam tekshirishi kerak.
# Oʻzbekcha (lotin yozuvi). Kalitlar va oʻzgaruvchilar rus tilidagi fayl bilan bir xil (ru/ui.ftl).
# oʻ va gʻ harflarida U+02BB (ʻ), tutuq belgisida U+02BC (ʼ): maʼlumot, taʼlim.
# Qisqa gaplar, oddiy soʻzlar, «siz» deb murojaat qilamiz.
# Oʻzbek tilida sondan keyin ot koʻplikda kelmaydi («5 kun»), shuning uchun koʻplik
# shakllarini tanlash (select) kerak emas.

## Umumiy

ui-app-name = Kosh
ui-yes = Ha
ui-no = Yoʻq
ui-next = Keyingi
ui-back = Orqaga
ui-save = Saqlash
ui-cancel = Bekor qilish
ui-close = Yopish
ui-continue = Davom etish
ui-retry = Yana urinib koʻrish
ui-edit = Oʻzgartirish
ui-add = Qoʻshish
ui-remove = Oʻchirish
ui-done = Tayyor
ui-loading = Yuklanmoqda…
ui-choose = Tanlang
ui-search = Qidirish
ui-nothing-found = Hech narsa topilmadi. Boshqa soʻz bilan qidirib koʻring.
ui-required = Majburiy
ui-optional = Toʻldirmasangiz ham boʻladi
ui-error-title = Nimadir notoʻgʻri ketdi
ui-error-try-again = Nimadir notoʻgʻri ketdi. Yana urinib koʻring.

## Formatlar. Ilova bu yerga sonlarni qoʻyadi; soʻz tartibi va belgilarni til belgilaydi.

# Oyning kuni, oy (1–12) va yil: «12-mart 2026-yil».
ui-format-date =
    { $day }-{ $month ->
        [1] yanvar
        [2] fevral
        [3] mart
        [4] aprel
        [5] may
        [6] iyun
        [7] iyul
        [8] avgust
        [9] sentabr
        [10] oktabr
        [11] noyabr
       *[12] dekabr
    } { $year }-yil
# Tengedagi summa. $amount ichida xonalar orasidagi boʻsh joy bor.
ui-format-tenge = { $amount }{"\u00A0"}tenge
# Xonalar orasidagi belgi: 1 275 875 (uzilmaydigan boʻsh joy).
ui-format-thousands-separator = {"\u00A0"}

## Pastki menyu

ui-nav-home = Bosh sahifa
ui-nav-form = Anketa
ui-nav-status = Ariza
ui-nav-contract = Shartnoma
ui-nav-settings = Sozlamalar

## Birinchi ochilganda: tilni tanlash

ui-language-title = Tilni tanlang
ui-language-hint = Tilni keyin sozlamalarda oʻzgartirish mumkin.
ui-language-kazakh-script = Qozoq tili: qaysi harflarda yozilsin?
ui-language-script-cyrillic = Kirill harflari (Қазақша)
ui-language-script-latin = Lotin harflari (Qazaqşa)
ui-language-script-arabic = Arab yozuvi (قازاقشا)
ui-language-unavailable = Bu tilni yuklab boʻlmadi. Internetga ulaning va yana urinib koʻring.

## Salomlashish

ui-welcome-title = Xush kelibsiz
ui-welcome-text = Kosh Qozogʻistonda doimiy yashash uchun anketani toʻldirishga yordam beradi. Arizangiz qanday ketayotganini koʻrib turasiz.
ui-welcome-offline = Internet har doim kerak emas. Javoblar telefonda saqlanadi.
ui-welcome-start = Anketani boshlash
ui-welcome-have-account = Menda akkaunt bor

## Kirish va roʻyxatdan oʻtish

ui-auth-register-title = Akkaunt oching
ui-auth-register-text = Akkaunt boʻlsa, javoblaringiz serverda ham saqlanadi. Ularni boshqa telefonda ham ochish mumkin.
ui-auth-login-title = Kirish
ui-auth-email = Elektron pochta
ui-auth-email-hint = Masalan: aigul@mail.kz
ui-auth-password = Parol
ui-auth-password-hint = Kamida 10 ta belgi.
ui-auth-password-show = Parolni koʻrsatish
ui-auth-password-hide = Parolni yashirish
ui-auth-register-button = Akkaunt ochish
ui-auth-login-button = Kirish
ui-auth-to-login = Akkauntingiz bormi? Kiring
ui-auth-to-register = Akkauntingiz yoʻqmi? Oching
ui-auth-later = Keyinroq. Avval anketani toʻldiraman
ui-auth-offline = Internet yoʻq. Anketani hozir toʻldiravering. Akkauntni keyin ochasiz.
ui-auth-no-sms = Biz SMS yubormaymiz. SMS-kod kerak emas.
ui-auth-working = Kuting…

## Bosh sahifa

ui-home-title = Bosh sahifa
ui-home-application-title = Arizangiz
ui-home-application-none = Siz hali ariza yubormagansiz.
# $stage — bosqich nomi (stage-…), $outcome — natija (outcome-…).
ui-home-application-stage = Bosqich: { $stage }. { $outcome }.
ui-home-application-open = Ariza haqida batafsil
ui-home-draft-title = Anketa
# Anketaning nechta boʻlimi toʻldirilgan.
ui-home-draft-progress = { $total } ta boʻlimdan { $done } tasi toʻldirildi
ui-home-draft-start = Anketani boshlash
ui-home-draft-continue = Anketani davom ettirish
ui-home-draft-complete = Hamma boʻlimlar toʻldirildi. Tekshirib, yuboring.
ui-home-draft-sent = Anketa yuborildi.
ui-home-contract-title = Kandas shartnomasi
ui-home-contract-none = Ijtimoiy shartnomaga imzo qoʻygan boʻlsangiz, uni shu yerga qoʻshing. Muddatlarini eslatib turamiz.
ui-home-contract-add = Shartnomani qoʻshish
ui-home-contract-days-left = Shartnoma tugashiga { $days } kun qoldi.
ui-home-contract-ended = Shartnoma muddati tugadi.
ui-home-contract-open = Shartnoma haqida batafsil
ui-home-score-open = Dastlabki ballarni tekshirish

## Sinxronlash: tepadagi qator

ui-sync-saved-local = Shu telefonda saqlandi
ui-sync-syncing = Yuborilmoqda…
ui-sync-synced = Serverda saqlandi
ui-sync-offline = Internet yoʻq. Javoblar telefonda saqlandi.
ui-sync-failed = Yuborib boʻlmadi. Oʻzimiz yana urinib koʻramiz.
# $time — sana va vaqt.
ui-sync-last = Oxirgi marta yuborilgan: { $time }
ui-sync-pending = Yuborilishini kutmoqda: { $count } ta oʻzgarish
ui-sync-changed-elsewhere = Boshqa qurilmada oʻzgartirilgan
# Javobi saqlangan telefonda koʻrsatiladi; keyin boshqa qurilmaning javobi.
ui-sync-replaced-elsewhere = Boshqa qurilmadagi javob shu javob bilan almashtirildi
# $value — shu telefondagi javob.
ui-sync-your-value = Bu telefonda shunday edi: { $value }

## Anketa

ui-form-title = Anketa
# Boʻlim raqami va jami nechta boʻlim.
ui-form-progress = { $current }-boʻlim, jami { $total } ta
ui-form-next = Keyingi
ui-form-back = Orqaga
ui-form-to-review = Javoblarni tekshirish
ui-form-saved = Saqlandi
ui-form-required = Majburiy savol
ui-form-example = Masalan: { $example }
# Sana uchta katakka kiritiladi: kun, oy (nomi bilan tanlanadi) va yil.
ui-date-day = Kun
ui-date-month = Oy
ui-date-year = Yil
ui-date-month-name =
    { $month ->
        [1] yanvar
        [2] fevral
        [3] mart
        [4] aprel
        [5] may
        [6] iyun
        [7] iyul
        [8] avgust
        [9] sentabr
        [10] oktabr
        [11] noyabr
       *[12] dekabr
    }
ui-form-choose = Javobni tanlang
ui-form-search-country = Davlatni toping
ui-form-search-region = Viloyatni toping
ui-form-date-day = Kun
ui-form-date-month = Oy
ui-form-date-year = Yil
ui-form-repeat-add = Yana qoʻshish
ui-form-repeat-remove = Bu yozuvni oʻchirish
# Roʻyxatdagi yozuv raqami: oila aʼzosi № 2, ish № 3.
ui-form-repeat-item = № { $number }
ui-form-repeat-empty = Hali hech narsa qoʻshilmagan.
ui-form-section-errors = Bu boʻlimda { $count } ta javobni tuzatish kerak.
ui-form-updated = Anketa yangilandi. Javoblaringiz saqlandi. { $count } ta javob endi kerak emas.

## Tekshirish va yuborish

ui-review-title = Javoblarni tekshiring
ui-review-intro = Javoblaringizni koʻrib chiqing. Biror narsa notoʻgʻri boʻlsa, «Oʻzgartirish» tugmasini bosing.
ui-review-missing-title = Hali toʻldirilmagan
ui-review-missing-count = { $count } ta javob yetishmayapti
ui-review-go-to = Toʻldirish
ui-review-all-done = Hammasi toʻldirildi. Yuborish mumkin.
ui-review-no-answer = Javob yoʻq
ui-review-submit = Anketani yuborish
ui-review-submit-confirm = Anketani yuborasizmi? Yuborgandan keyin javoblarni oʻzgartirib boʻlmaydi.
ui-review-submit-offline = Yuborish uchun internet kerak. Javoblar saqlandi. Aloqa paydo boʻlganda yuboring.
ui-review-submit-need-account = Anketani yuborish uchun kiring yoki akkaunt oching.
ui-review-submitting = Anketa yuborilmoqda…
ui-review-submitted = Anketa yuborildi. Arizangizni «Ariza» sahifasida kuzatib boring.

## Dastlabki ballar

ui-score-title = Dastlabki oʻz-oʻzini tekshirish
ui-score-total = Sizda { $points } ball bor
ui-score-pass-mark = Kamida { $points } ball kerak
ui-score-above = Bu oʻtish balidan yuqori.
ui-score-below = Yana { $missing } ball yetishmaydi.
# Bitta band boʻyicha ball: «100 dan 40».
ui-score-criterion = { $max } dan { $points }
ui-score-raise-title = Ballni nima oshirishi mumkin
ui-score-not-published = Rasmiy ballar jadvali eʼlon qilinmagan. Shuning uchun bu yerda na ball, na natija koʻrsatiladi. Quyida: nima baholanadi va javoblaringiz qanday.
# The pass mark, a reported fact even while the points table is not published.
ui-score-pass-mark-fact = Oʻtish bali — { $points } ball (2026-yil 30-yanvardagi qoʻshma buyruq haqidagi xabarlarga koʻra).
# How the person's answers stand on one criterion, said without points.
ui-score-standing-helps = yordam beradi
ui-score-standing-improve = yaxshilash mumkin
ui-score-standing-unanswered = hali javob yoʻq
ui-score-standing-none = ball qoʻshmaydi

## Ariza holati

ui-status-title = Arizangiz
ui-status-none = Hozircha ariza yoʻq. Avval anketani toʻldirib, yuboring.
ui-status-submitted-on = Yuborilgan sana: { $date }
ui-status-current = Hozir
ui-status-done = Tugadi
ui-status-waiting = Oldinda
ui-status-usual-duration = Odatda { $days } kungacha davom etadi
ui-status-usual-working-days =
    Odatda { $days } ish kunigacha davom etadi
ui-status-estimate = bizning taxmin
ui-status-source-applicant = Buni siz xabar qildingiz. Xodim hali tasdiqlamagan.
ui-status-valid-for =
    Sertifikat { $days } kun amal qiladi
ui-status-expected-by = Kutilayotgan muddat: { $date }
ui-status-overdue = Bu bosqich odatdagidan uzoq choʻzilyapti.
ui-status-overdue-days = Odatdagidan { $days } kun uzoq.
ui-status-overdue-hint = Bunday boʻlib turadi. Uzoq vaqt xabar boʻlmasa, migratsiya xizmatiga murojaat qiling.
ui-status-next-title = Keyin nima boʻladi
ui-status-note = Izoh: { $note }
# $days — butun jarayonning umumiy muddati (siyosatdan).
ui-status-whole-procedure = Butun jarayon odatda { $days } kungacha davom etadi.

## Kandas shartnomasi

ui-contract-title = Ijtimoiy shartnoma
ui-contract-none = Hozircha shartnoma yoʻq. Imzolagan boʻlsangiz, maʼlumotlarini kiriting.
ui-contract-add = Shartnomani qoʻshish
ui-contract-region = Viloyat
ui-contract-settlement = Shahar yoki qishloq
ui-contract-signed-on = Imzolangan sana
ui-contract-family-members = Shartnoma boʻyicha oilada necha kishi
ui-contract-term = Muddati: { $years } yil
ui-contract-ends-on = Shartnoma tugaydigan sana: { $date }
ui-contract-days-left = { $days } kun qoldi
ui-contract-days-served = Viloyatda yashalgan vaqt: { $days } kun
ui-contract-ended = Besh yil oʻtdi. Endi koʻchib ketsangiz, hech narsa toʻlamaysiz.
ui-contract-verified = Xodim tekshirgan
ui-contract-not-verified = Buni oʻzingiz kiritgansiz. Xodim hali tekshirmagan.
ui-contract-save = Shartnomani saqlash

## Shartnoma: olingan yordam

ui-contract-support-title = Olingan yordam
ui-contract-support-none = Hali hech narsa kiritilmagan.
ui-contract-support-add = Toʻlov qoʻshish
ui-contract-support-kind = Yordam turi
ui-contract-support-amount = Summa, tengeda
ui-contract-support-date = Olingan sana
ui-contract-support-total = Jami olingan: { $amount }

## Shartnoma: «koʻchib ketsak-chi?»

ui-whatif-title = Koʻchib ketsak-chi?
ui-whatif-date = Koʻchish sanasi
ui-whatif-check = Tekshirish
# $date — koʻchish sanasi, $amount — olingan butun yordam.
ui-whatif-risk-high = Viloyatdan { $date } kuni ketsangiz, olingan butun yordamni qaytarishga toʻgʻri kelishi mumkin: { $amount }.
ui-whatif-risk-none = Viloyatdan { $date } kuni ketsangiz, hech narsa qaytarish shart emas.
ui-whatif-free-from = { $date }dan boshlab pul qaytarmasdan koʻchish mumkin.
ui-whatif-source = Manba: { $basis }

## Boshqa yoʻl: umumiy asosda

ui-general-title = Boshqa yoʻl: umumiy asosda
ui-general-text = Kandaslar kvotasisiz ham yashash uchun ruxsatnoma olish mumkin.
ui-general-no-quota = Kvota kerak emas.
ui-general-no-support = Davlatdan pul yordami yoʻq.
ui-general-any-region = Istalgan viloyatda yashash mumkin.
ui-general-screening = Bu yoʻlda ham dastlabki skrining oʻtkaziladi.
ui-general-funds = Chet elliklar { $mci } AEK miqdoridagi mablagʻ va { $age } yoshdan katta har bir oila aʼzosi uchun { $m2 } m² uy-joyga yetadigan pulni koʻrsatadi.
ui-general-funds-tenge = { $year }-yilda { $mci } AEK = { $amount }.
ui-general-funds-exempt = Etnik qozoqlar bu mablagʻni koʻrsatishi shart emas.
ui-general-compare-contract = Shartnoma bilan
ui-general-compare-general = Umumiy asosda

## Sozlamalar

ui-settings-title = Sozlamalar
ui-settings-language = Til
ui-settings-script = Qozoqcha harflar
ui-settings-script-cyrillic = Kirill
ui-settings-script-latin = Lotin
ui-settings-text-size = Matn oʻlchami
ui-settings-text-normal = Oddiy
ui-settings-text-large = Katta
ui-settings-text-largest = Juda katta
ui-settings-account = Akkaunt
ui-settings-signed-in = Siz { $email } bilan kirgansiz
ui-settings-not-signed-in = Siz kirmagansiz. Javoblar faqat shu telefonda.
ui-settings-sign-in = Kirish yoki akkaunt ochish
ui-settings-sync = Sinxronlash
ui-settings-sync-now = Hozir yuborish
ui-settings-sign-out = Chiqish
ui-settings-sign-out-confirm = Akkauntdan chiqasizmi? Yuborilmagan javoblar telefonda qoladi.
ui-settings-version = Versiya { $version }

## Har yili oʻzgaradigan qoidalar: serverdan keladigan qoidalar toʻplami va anketa versiyalari

# $date — koʻrsatilgan qoidalar amal qilgan oxirgi kun.
ui-rules-not-published = Bu yilgi qoidalar hali eʼlon qilinmagan. Kosh { $date } gacha amal qilgan qoidalarni koʻrsatadi. Summalar va kvotalar oʻzgarishi mumkin.
ui-rules-not-received = Bu telefon bu yilgi qoidalarni hali olmagan. Kosh { $date } gacha amal qilgan qoidalarni koʻrsatadi. Yangilarini olish uchun internetga ulaning.
ui-rules-damaged = Bu telefonda saqlangan qoidalar buzilgan. Aloqa boʻlguncha Kosh ilovaga kiritilgan qoidalardan foydalanadi. Javoblaringiz saqlangan.
ui-rules-changed-title = Qoidalar oʻzgardi
# $year — yil, $amount — bitta AEK tengeda.
ui-rules-changed-mci = { $year } yil uchun AEK eʼlon qilindi: { $amount }. { $year } yilgi yordam summalari shunga bogʻliq.
# $name — yordam turi, $amount — yangi summa soʻz bilan.
ui-rules-changed-support = { $name }. Yangi summa: { $amount }
ui-rules-changed-support-plain = { $name }: bu yordamning qoidalari oʻzgardi.
ui-rules-changed-support-removed = { $name }: bu yordam endi qoidalarda yoʻq.
ui-rules-changed-quotas = { $year } yilgi viloyat kvotalari oʻzgardi.
# $region — viloyat nomi, $people — kvota.
ui-rules-changed-quota = { $region }: { $year } yilgi kvota — { $people } kishi.
ui-rules-changed-quota-unpublished = { $region }: { $year } yilgi kvota hali eʼlon qilinmagan.
ui-rules-changed-regions = Koʻchib oʻtish uchun viloyatlar roʻyxati oʻzgardi.
ui-rules-changed-stages = Ariza bosqichlarining odatiy muddatlari oʻzgardi.
ui-rules-changed-scoring = Ballar jadvali yoki oʻtish bali oʻzgardi.
ui-rules-changed-contract = Ijtimoiy shartnoma qoidalari oʻzgardi.
ui-rules-changed-ok = Tushunarli
ui-support-title = Yordam tengeda
ui-support-intro = Yordam AEK (oylik hisoblash koʻrsatkichi) bilan belgilanadi. AEK har yili oʻzgaradi, shuning uchun tengedagi summalar ham oʻzgaradi.
# $year — yil, $amount — summa soʻz bilan.
ui-support-year = { $year }: { $amount }
ui-support-not-published = { $year }: hali eʼlon qilinmagan.
ui-support-last-published = { $year } yilda shunday edi: { $amount }
ui-move-title = Anketaning yangi versiyasi
ui-move-text = Javoblaringizni yangi versiyaga koʻchirish mumkin. Mana nima boʻladi:
ui-move-kept = { $count } ta javob oʻzgarishsiz koʻchadi.
# $question — yangi versiyadagi savolning nomi.
ui-move-renamed = Nomi yangi savolga koʻchadi: { $question }
ui-move-left-title = Bu javoblar koʻchmaydi:
ui-move-left-gone = Bu savol endi berilmaydi.
# $problem — javobda nima notoʻgʻri ekani.
ui-move-left-invalid = Bu javob yangi qoidalarga mos kelmaydi: { $problem }
ui-move-old-expired = Eski versiya endi qabul qilinmaydi. Anketani yuborish uchun javoblaringizni koʻchiring.
ui-move-button = Javoblarimni koʻchirish
ui-moved-title = Koʻchmagan javoblar
ui-moved-text = Javoblaringiz endi anketaning yangi versiyasida. Bu javoblar koʻchmadi. Kerak boʻlsa, yozib oling.
ui-moved-dismiss = Oʻqidim
ui-form-version-missing = Bu telefonda javoblaringiz turgan anketa versiyasi hali yoʻq. Internetga ulaning, Kosh uni oladi.

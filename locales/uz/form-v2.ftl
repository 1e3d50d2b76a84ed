# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Oʻzbek tili ona tili boʻlmagan odam yozgan: chiqarishdan oldin oʻzbek tili ona tili boʻlgan odam tekshirishi kerak.
# Oʻzbekcha (lotin yozuvi): doimiy yashash anketasining 2-versiyasi (issue 12): haqiqiy
# anketada bor, 1-versiyada boʻlmagan savollar va oʻzgargan savollar.

form-q-personal-passport_valid_until = Pasportingiz qaysi sanagacha amal qiladi?
form-q-personal-passport_valid_until-hint = Pasportdagi sana. Ariza berganingizdan keyin 180 kundan koʻproq amal qilishi kerak.
form-q-contacts-kz_place_of_stay = Qozogʻistonda qayerda yashaysiz?
form-q-contacts-kz_place_of_stay-hint = Shahar, koʻcha, uy, xonadon. Yakuniy suhbat shu joydagi politsiya boʻlimida oʻtadi.
form-q-contacts-kz_place_of_stay-example = Pavlodar, Lomov koʻchasi 45, 12-xonadon
form-opt-stay-refugee = Qochoqman
form-q-citizenship-exit_consent = Davlatingizning doimiy yashashga chiqib ketishga yozma roziligi bormi?
form-q-citizenship-exit_consent-hint = Yashash uchun ruxsatnoma uchun soʻraladi. Qochoqlar va Xitoydan kelgan etnik qozoqlarga kerak emas.
form-q-languages-english_certificate = IELTS yoki TOEFL sertifikatingiz bormi? Qaysi daraja?
form-q-languages-english_certificate-hint = Ingliz tili faqat sertifikat bilan hisoblanadi. IELTS 4.0–5.0 — B1, 5.5–6.5 — B2, 7.0–8.0 — C1, 8.5–9.0 — C2. TOEFL natijasida daraja koʻrsatilgan.
form-opt-english-none = Sertifikat yoʻq
form-q-languages-kaztest_date-hint = Anketa faqat KAZTEST sertifikati bilan ochiladi. Sana unda yozilgan.
form-opt-ethnicity_doc-stateless_certificate = Fuqaroligi yoʻq shaxs guvohnomasi
form-opt-ethnicity_doc-commission_recommendation = Qozoq millati masalalari boʻyicha komissiya tavsiyasi
validation-exit_consent_missing = Bu rozilik kerak boʻladi. Ariza berishdan oldin uni davlatingiz idoralaridan soʻrang.

# Drafted without a native speaker: needs review by a native Kazakh speaker.
# Қазақша (кирилл): тұруға ықтиярхат сауалнамасының 2-нұсқасы (issue 12): нақты сауалнамада
# бар, бірінші нұсқада болмаған сұрақтар және өзгерген сұрақтар.
# Латын және араб жазуы осы файлдан автоматты түрде жасалады: мұнда тек кирилмен жазамыз.

form-q-personal-passport_valid_until = Паспортыңыз қай күнге дейін жарамды?
form-q-personal-passport_valid_until-hint = Паспорттағы күн. Өтініш бергеннен кейін 180 күннен артық жарамды болуы керек.
form-q-contacts-kz_place_of_stay = Қазақстанда қайда тұрасыз?
form-q-contacts-kz_place_of_stay-hint = Қала, көше, үй, пәтер. Қорытынды әңгімелесу осы жердің полиция бөлімінде өтеді.
form-q-contacts-kz_place_of_stay-example = Павлодар, Ломов көшесі 45, 12-пәтер
form-opt-stay-refugee = Босқынмын
form-q-citizenship-exit_consent = Еліңіздің тұрақты тұруға кетуге жазбаша келісімі бар ма?
form-q-citizenship-exit_consent-hint = Ықтиярхат үшін сұралады. Босқындарға және Қытайдан келген этникалық қазақтарға керек емес.
form-q-languages-english_certificate = IELTS не TOEFL сертификатыңыз бар ма? Қай деңгей?
form-q-languages-english_certificate-hint = Ағылшын тілі тек сертификатпен есептеледі. IELTS 4.0–5.0 — B1, 5.5–6.5 — B2, 7.0–8.0 — C1, 8.5–9.0 — C2. TOEFL нәтижесінде деңгей көрсетілген.
form-opt-english-none = Сертификат жоқ
form-q-languages-kaztest_date-hint = Сауалнама тек ҚАЗТЕСТ сертификатымен ашылады. Күні сонда жазылған.
form-opt-ethnicity_doc-stateless_certificate = Азаматтығы жоқ адамның куәлігі
form-opt-ethnicity_doc-commission_recommendation = Қазақ ұлты мәселелері жөніндегі комиссияның ұсынымы
validation-exit_consent_missing = Бұл келісім керек болады. Өтініш бермес бұрын оны еліңіздің органдарынан сұраңыз.

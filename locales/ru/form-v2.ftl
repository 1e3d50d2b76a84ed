# Вторая версия анкеты на ПМЖ (issue 12): вопросы настоящей анкеты, которых не было в первой
# версии, и изменённые вопросы.

form-q-personal-passport_valid_until = До какого числа действует ваш паспорт?
form-q-personal-passport_valid_until-hint = Дата из паспорта. Он должен действовать больше 180 дней после подачи заявления.
form-q-contacts-kz_place_of_stay = Где вы будете жить в Казахстане?
form-q-contacts-kz_place_of_stay-hint = Город, улица, дом, квартира. Итоговое собеседование проходит в отделе полиции по этому адресу.
form-q-contacts-kz_place_of_stay-example = Павлодар, ул. Ломова 45, кв. 12
form-opt-stay-refugee = Беженец
form-q-citizenship-exit_consent = Есть ли у вас письменное согласие вашей страны на выезд на ПМЖ?
form-q-citizenship-exit_consent-hint = Его требуют для вида на жительство. Беженцам и этническим казахам из Китая оно не нужно.
form-q-languages-english_certificate = Есть ли у вас сертификат IELTS или TOEFL? Какой уровень?
form-q-languages-english_certificate-hint = Английский засчитывают только по сертификату. IELTS 4.0–5.0 — B1, 5.5–6.5 — B2, 7.0–8.0 — C1, 8.5–9.0 — C2. В результатах TOEFL уровень указан.
form-opt-english-none = Сертификата нет
form-q-languages-kaztest_date-hint = Анкета открывается только с сертификатом KAZTEST. Дата указана в нём.
form-opt-ethnicity_doc-stateless_certificate = Удостоверение лица без гражданства
form-opt-ethnicity_doc-commission_recommendation = Рекомендация комиссии по вопросам казахской национальности
validation-exit_consent_missing = Это согласие понадобится. Попросите его у властей вашей страны до подачи заявления.

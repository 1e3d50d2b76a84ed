# Version 2 of the residence questionnaire (issue 12): the questions the real questionnaire asks
# that version 1 did not, and the changed ones.

form-q-personal-passport_valid_until = Until when is your passport valid?
form-q-personal-passport_valid_until-hint = The date printed in your passport. It must be valid for more than 180 days after you apply.
form-q-contacts-kz_place_of_stay = Where will you stay in Kazakhstan?
form-q-contacts-kz_place_of_stay-hint = Town, street, house, flat. The final interview is at the police department of this place.
form-q-contacts-kz_place_of_stay-example = Pavlodar, Lomov street 45, flat 12
form-opt-stay-refugee = Refugee
form-q-citizenship-exit_consent = Do you have your country's written consent to leave for permanent residence?
form-q-citizenship-exit_consent-hint = Permanent residence asks for it. Refugees and ethnic Kazakhs from China do not need it.
form-q-languages-english_certificate = Do you have an IELTS or TOEFL certificate? Which level?
form-q-languages-english_certificate-hint = English counts only with a certificate. IELTS 4.0–5.0 is B1, 5.5–6.5 is B2, 7.0–8.0 is C1, 8.5–9.0 is C2. A TOEFL score report shows its level.
form-opt-english-none = No certificate
form-q-languages-kaztest_date-hint = The questionnaire opens only with a KAZTEST certificate. The date is on it.
form-opt-ethnicity_doc-stateless_certificate = Stateless person's certificate
form-opt-ethnicity_doc-commission_recommendation = Recommendation of the commission on Kazakh nationality
validation-exit_consent_missing = You will need this consent. Ask your country's authorities for it before you apply.

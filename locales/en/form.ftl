# Drafted without a native speaker: needs review by a native English speaker before release.
# English. The residence-2026 form, version 1 (shared/forms/residence-2026.v1.json): title,
# sections, questions (form-q-<question id with '-' for '.'>), hints (…-hint), text questions'
# placeholder examples (…-example) and answer options (form-opt-<set>-<value>). Short
# questions, addressed to "you".

form-residence-title = Form for permanent residence in Kazakhstan

## Sections

form-section-personal = About you
form-section-contacts = How to reach you
form-section-citizenship = Citizenship
form-section-family = Family
form-section-education = Education
form-section-languages = Languages
form-section-work = Work
form-section-military = Military service
form-section-skills = Profession and skills
form-section-health = Health
form-section-adaptability = Ties with Kazakhstan
form-section-record = Convictions and deportation
form-section-kandas = Kandas

## About you

form-q-personal-surname = Surname
form-q-personal-surname-hint = As in your passport.
form-q-personal-surname-example = Nurlanuly
form-q-personal-given_names = Given name
form-q-personal-given_names-example = Yerlan
form-q-personal-patronymic = Father's name (if you have one)
form-q-personal-patronymic-example = Nurlanovich
form-q-personal-birth_date = Date of birth
form-q-personal-sex = Sex
form-q-personal-birth_country = Country of birth
form-q-personal-citizenship = Citizenship
form-q-personal-citizenship-hint = The country whose passport you have now.
form-q-personal-is_ethnic_kazakh = Are you ethnically Kazakh?
form-q-personal-is_ethnic_kazakh-hint = If yes, you will see questions for kandas.
form-q-personal-marital_status = Marital status

form-opt-sex-female = Female
form-opt-sex-male = Male

form-opt-marital-single = Not married
form-opt-marital-married = Married
form-opt-marital-divorced = Divorced
form-opt-marital-widowed = Widowed

## How to reach you

form-q-contacts-phone = Phone number
form-q-contacts-phone-hint = With the country code. For example: +998 90 123 45 67.
form-q-contacts-phone_has_messenger = Does this number have WhatsApp or Telegram?
form-q-contacts-email = Email
form-q-contacts-address = Address where you live now
form-q-contacts-address-hint = Town, street, house, flat.
form-q-contacts-address-example = Tashkent, Chilanzar 12, flat 45

## Citizenship

form-q-citizenship-has_second = Do you have a second citizenship?
form-q-citizenship-second_country = Country of the second citizenship
form-q-citizenship-current_country = Which country do you live in now?
form-q-citizenship-current_country-hint = The country where you spend most of your time.
form-q-citizenship-current_status = What is your status in that country?
form-q-citizenship-current_since = Since what date have you lived in that country?

form-opt-stay-citizen = Citizen
form-opt-stay-permanent_resident = I have a residence permit
form-opt-stay-temporary_resident = I have a temporary permit
form-opt-stay-visitor = Visitor, with or without a visa

## Family

form-q-family-has_members = Are relatives moving with you?
form-q-family-has_members-hint = Husband or wife, children, parents, brothers and sisters.
form-q-family-members = Family members
form-q-family-members-hint = Add each person separately.
form-q-family-members-relation = Who is this person to you?
form-q-family-members-full_name = Surname and given name
form-q-family-members-full_name-example = Aigerim Yerlanqyzy
form-q-family-members-birth_date = Date of birth
form-q-family-members-citizenship = Citizenship
form-q-family-members-moves_with_me = Moving together with you?

form-opt-relation-spouse = Husband or wife
form-opt-relation-child = Child
form-opt-relation-parent = Father or mother
form-opt-relation-sibling = Brother or sister

## Education

form-q-education-level = Your education
form-q-education-field = What did you study?
form-q-education-country = In which country did you study?
form-q-education-year = Year you finished studying
form-q-education-year-hint = The year of your last diploma.

form-opt-education-none = No education
form-opt-education-secondary = School
form-opt-education-vocational = College or vocational school
form-opt-education-bachelor = University (bachelor)
form-opt-education-master = Master's degree
form-opt-education-doctorate = Doctorate

form-opt-field-education = Teaching, childcare
form-opt-field-health = Medicine
form-opt-field-engineering = Engineering, technical work
form-opt-field-it = Computers, IT
form-opt-field-agriculture = Farming
form-opt-field-economics = Economics, accounting
form-opt-field-law = Law
form-opt-field-science = Science
form-opt-field-arts = Arts, culture
form-opt-field-services = Services
form-opt-field-other = Other

## Languages

form-q-languages-kazakh = How well do you know Kazakh?
form-q-languages-kazakh-hint = A1: I know simple words. C2: I know it like my mother tongue.
form-q-languages-russian = How well do you know Russian?
form-q-languages-english = How well do you know English?
form-q-languages-kaztest_taken = Have you taken KAZTEST?
form-q-languages-kaztest_taken-hint = KAZTEST is the Kazakh language test. Without it the form is not considered.
form-q-languages-kaztest_date = When did you take KAZTEST?
form-q-languages-kaztest_listening = KAZTEST: listening result, in percent
form-q-languages-kaztest_listening-hint = A number from 0 to 100. It is on the certificate.
form-q-languages-kaztest_reading = KAZTEST: reading result, in percent
form-q-languages-kaztest_reading-hint = A number from 0 to 100. It is on the certificate.

form-opt-level-none = Not at all
form-opt-level-a1 = A1: beginner
form-opt-level-a2 = A2: basic
form-opt-level-b1 = B1: middle
form-opt-level-b2 = B2: good
form-opt-level-c1 = C1: very good
form-opt-level-c2 = C2: like my mother tongue

## Work

form-q-work-current_status = What do you do now?
form-q-work-years_total = How many years have you worked in total?
form-q-work-years_total-hint = Add up all your years of work. If less than a year, write 0.
form-q-work-history = Where you worked and studied
form-q-work-history-hint = Start with the latest place.
form-q-work-history-activity = What was it?
form-q-work-history-title = Job or speciality
form-q-work-history-title-hint = For example: driver, nurse, engineer.
form-q-work-history-title-example = Civil engineer
form-q-work-history-country = Country
form-q-work-history-start = Start date
form-q-work-history-ongoing = Are you still there?
form-q-work-history-end = End date

form-opt-employment-employed = I work for an employer
form-opt-employment-self_employed = I work for myself
form-opt-employment-unemployed = I do not work
form-opt-employment-student = I study
form-opt-employment-retired = I am retired

form-opt-activity-job = A job
form-opt-activity-own_business = My own business
form-opt-activity-study = Study

## Military service

form-q-military-served = Did you serve in the army?
form-q-military-country = In which country?
form-q-military-end_year = In which year did your service end?

## Profession and skills

form-q-skills-profession_group = Your profession
form-q-skills-in_demand = Is your profession on the list of professions Kazakhstan needs?
form-q-skills-in_demand-hint = The Ministry of Labour sets the list. If you do not know, answer “No”.
form-q-skills-certificates = Do you have diplomas or certificates for your profession?
form-q-skills-certificates-hint = For example: a diploma, a licence, a course certificate.
form-q-skills-driving_licence = Do you have a driving licence?

form-opt-profession-health = Medicine
form-opt-profession-education = Education
form-opt-profession-engineering = Engineering, technical work
form-opt-profession-it = Computers, IT
form-opt-profession-agriculture = Farming
form-opt-profession-construction = Building
form-opt-profession-transport = Transport, driving
form-opt-profession-trade_services = Trade and services
form-opt-profession-other = Other
form-opt-profession-no_profession = No profession

## Health

form-q-health-declaration = Are you healthy and able to pass a medical check?
form-q-health-declaration-hint = A residence permit needs a health certificate.
form-q-health-has_disability = Do you have a disability?
form-q-health-has_disability-hint = This answer does not lower your points. It helps to offer you support.

## Ties with Kazakhstan

form-q-adaptability-relatives_in_kz = Do you have relatives in Kazakhstan?
form-q-adaptability-relatives_degree = Who are they to you?
form-q-adaptability-previous_stays = Have you lived in Kazakhstan before?
form-q-adaptability-previous_stays-hint = Worked, studied or lived there for more than a month.
form-q-adaptability-previous_stay_months = How many months in total?
form-q-adaptability-studied_in_kz = Did you study in Kazakhstan?

form-opt-kin-parent = Father or mother
form-opt-kin-child = Child
form-opt-kin-sibling = Brother or sister
form-opt-kin-other = Other relatives

## Convictions and deportation

form-q-record-convicted = Have you ever been convicted of a crime?
form-q-record-convicted-hint = Answer honestly. It will be checked anyway.
form-q-record-conviction_details = What happened, and when?
form-q-record-conviction_details-example = 2015, traffic offence, fine paid
form-q-record-deported = Have you ever been deported from a country?
form-q-record-deported-hint = Deportation is when a person is made to leave a country.
form-q-record-deported_from = From which country?
form-q-record-entry_ban = Have you ever been banned from entering Kazakhstan?

## Kandas

form-q-kandas-origin_country = Which country are you moving from?
form-q-kandas-origin_country-hint = The country where you live now.
form-q-kandas-ethnicity_documents = Which documents show that you are Kazakh?
form-q-kandas-ethnicity_documents-hint = Tick all that you have.
form-q-kandas-has_status = Do you already have kandas status?
form-q-kandas-has_status-hint = The status is given on migration.enbek.kz, at an embassy or at a public service centre.
form-q-kandas-join_quota = Do you want to move under the quota to one of the regions?
form-q-kandas-join_quota-hint = The quota comes with state support. But you must live in that region for the whole term of the contract.
form-q-kandas-preferred_region = Which region suits you?
form-q-kandas-preferred_region-hint = Only regions on the quota list.
form-q-kandas-take_support = Do you want to receive state support?
form-q-kandas-take_support-hint = If you leave the region before the term ends, you may have to pay back all the support.

form-opt-ethnicity_doc-identity_document = Passport or ID that says “Kazakh”
form-opt-ethnicity_doc-birth_certificate = Birth certificate
form-opt-ethnicity_doc-parents_documents = Parents' documents
form-opt-ethnicity_doc-archive_record = Archive record
form-opt-ethnicity_doc-none_yet = No documents yet

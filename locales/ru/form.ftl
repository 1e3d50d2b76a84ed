# Написано без носителя языка: перед выпуском нужна вычитка носителем русского языка.
# Русский (эталон). Анкета residence-2026, версия 1 (shared/forms/residence-2026.v1.json):
# название, разделы, вопросы (form-q-<id вопроса, точки заменены на ->), подсказки (…-hint)
# и варианты ответов (form-opt-<набор>-<значение>). Вопросы короткие, на «вы».

form-residence-title = Анкета на постоянное проживание в Казахстане

## Разделы

form-section-personal = О вас
form-section-contacts = Как с вами связаться
form-section-citizenship = Гражданство
form-section-family = Семья
form-section-education = Образование
form-section-languages = Языки
form-section-work = Работа
form-section-military = Военная служба
form-section-skills = Профессия и навыки
form-section-health = Здоровье
form-section-adaptability = Связь с Казахстаном
form-section-record = Судимость и депортация
form-section-kandas = Кандасы

## О вас

form-q-personal-surname = Фамилия
form-q-personal-surname-hint = Как в паспорте.
form-q-personal-surname-example = Нурланулы
form-q-personal-given_names = Имя
form-q-personal-given_names-example = Ерлан
form-q-personal-patronymic = Отчество (если есть)
form-q-personal-patronymic-example = Нурланович
form-q-personal-birth_date = Дата рождения
form-q-personal-sex = Пол
form-q-personal-birth_country = Страна рождения
form-q-personal-citizenship = Гражданство
form-q-personal-citizenship-hint = Страна, чей паспорт у вас сейчас.
form-q-personal-is_ethnic_kazakh = Вы казах по национальности?
form-q-personal-is_ethnic_kazakh-hint = Если да, появятся вопросы для кандасов.
form-q-personal-marital_status = Семейное положение

form-opt-sex-female = Женский
form-opt-sex-male = Мужской

form-opt-marital-single = Не в браке
form-opt-marital-married = В браке
form-opt-marital-divorced = В разводе
form-opt-marital-widowed = Вдова или вдовец

## Как с вами связаться

form-q-contacts-phone = Номер телефона
form-q-contacts-phone-hint = С кодом страны. Например: +998 90 123 45 67.
form-q-contacts-phone_has_messenger = На этом номере есть WhatsApp или Telegram?
form-q-contacts-email = Электронная почта
form-q-contacts-address = Адрес, где вы живёте сейчас
form-q-contacts-address-hint = Город, улица, дом, квартира.
form-q-contacts-address-example = Ташкент, Чиланзар 12, кв. 45

## Гражданство

form-q-citizenship-has_second = У вас есть второе гражданство?
form-q-citizenship-second_country = Страна второго гражданства
form-q-citizenship-current_country = В какой стране вы живёте сейчас?
form-q-citizenship-current_country-hint = Страна, где вы живёте большую часть времени.
form-q-citizenship-current_status = Кто вы в этой стране?
form-q-citizenship-current_since = С какого дня вы живёте в этой стране?

form-opt-stay-citizen = Гражданин
form-opt-stay-permanent_resident = Есть вид на жительство
form-opt-stay-temporary_resident = Есть временное разрешение
form-opt-stay-visitor = Гость, по визе или без визы

## Семья

form-q-family-has_members = С вами переезжают родные?
form-q-family-has_members-hint = Муж или жена, дети, родители, братья и сёстры.
form-q-family-members = Члены семьи
form-q-family-members-hint = Добавьте каждого человека отдельно.
form-q-family-members-relation = Кем приходится вам
form-q-family-members-full_name = Фамилия и имя
form-q-family-members-full_name-example = Айгерим Ерланкызы
form-q-family-members-birth_date = Дата рождения
form-q-family-members-citizenship = Гражданство
form-q-family-members-moves_with_me = Переезжает вместе с вами?

form-opt-relation-spouse = Муж или жена
form-opt-relation-child = Ребёнок
form-opt-relation-parent = Отец или мать
form-opt-relation-sibling = Брат или сестра

## Образование

form-q-education-level = Ваше образование
form-q-education-field = Кем вы учились?
form-q-education-country = В какой стране вы учились?
form-q-education-year = Год окончания учёбы
form-q-education-year-hint = Год, когда вы получили последний диплом.

form-opt-education-none = Нет образования
form-opt-education-secondary = Школа
form-opt-education-vocational = Колледж или училище
form-opt-education-bachelor = Университет (бакалавр)
form-opt-education-master = Магистратура
form-opt-education-doctorate = Докторантура или аспирантура

form-opt-field-education = Учитель, воспитатель
form-opt-field-health = Медицина
form-opt-field-engineering = Инженер, техник
form-opt-field-it = Компьютеры, IT
form-opt-field-agriculture = Сельское хозяйство
form-opt-field-economics = Экономика, бухгалтерия
form-opt-field-law = Право
form-opt-field-science = Наука
form-opt-field-arts = Искусство, культура
form-opt-field-services = Сфера услуг
form-opt-field-other = Другое

## Языки

form-q-languages-kazakh = Как вы знаете казахский язык?
form-q-languages-kazakh-hint = A1 — знаю простые слова. C2 — знаю как родной.
form-q-languages-russian = Как вы знаете русский язык?
form-q-languages-english = Как вы знаете английский язык?
form-q-languages-kaztest_taken = Вы сдавали KAZTEST?
form-q-languages-kaztest_taken-hint = KAZTEST — тест по казахскому языку. Без него анкету не рассмотрят.
form-q-languages-kaztest_date = Когда вы сдавали KAZTEST?
form-q-languages-kaztest_listening = KAZTEST: результат по слушанию, в процентах
form-q-languages-kaztest_listening-hint = Число от 0 до 100. Оно есть в сертификате.
form-q-languages-kaztest_reading = KAZTEST: результат по чтению, в процентах
form-q-languages-kaztest_reading-hint = Число от 0 до 100. Оно есть в сертификате.

form-opt-level-none = Совсем не знаю
form-opt-level-a1 = A1 — начальный
form-opt-level-a2 = A2 — простой
form-opt-level-b1 = B1 — средний
form-opt-level-b2 = B2 — хороший
form-opt-level-c1 = C1 — очень хороший
form-opt-level-c2 = C2 — как родной

## Работа

form-q-work-current_status = Чем вы заняты сейчас?
form-q-work-years_total = Сколько лет вы работали всего?
form-q-work-years_total-hint = Сложите все годы работы. Если меньше года, напишите 0.
form-q-work-history = Где вы работали и учились
form-q-work-history-hint = Начните с последнего места.
form-q-work-history-activity = Что это было?
form-q-work-history-title = Должность или специальность
form-q-work-history-title-hint = Например: водитель, медсестра, инженер.
form-q-work-history-title-example = Инженер-строитель
form-q-work-history-country = Страна
form-q-work-history-start = Дата начала
form-q-work-history-ongoing = Вы и сейчас там?
form-q-work-history-end = Дата окончания

form-opt-employment-employed = Работаю по найму
form-opt-employment-self_employed = Работаю на себя
form-opt-employment-unemployed = Не работаю
form-opt-employment-student = Учусь
form-opt-employment-retired = На пенсии

form-opt-activity-job = Работа
form-opt-activity-own_business = Своё дело
form-opt-activity-study = Учёба

## Военная служба

form-q-military-served = Вы служили в армии?
form-q-military-country = В какой стране?
form-q-military-end_year = В каком году закончили службу?

## Профессия и навыки

form-q-skills-profession_group = Ваша профессия
form-q-skills-in_demand = Ваша профессия есть в списке профессий, нужных в Казахстане?
form-q-skills-in_demand-hint = Список утверждает Министерство труда. Если не знаете, ответьте «Нет».
form-q-skills-certificates = У вас есть дипломы или сертификаты по профессии?
form-q-skills-certificates-hint = Например: диплом, удостоверение, сертификат курсов.
form-q-skills-driving_licence = У вас есть водительские права?

form-opt-profession-health = Медицина
form-opt-profession-education = Образование
form-opt-profession-engineering = Инженер, техник
form-opt-profession-it = Компьютеры, IT
form-opt-profession-agriculture = Сельское хозяйство
form-opt-profession-construction = Стройка
form-opt-profession-transport = Транспорт, водитель
form-opt-profession-trade_services = Торговля и услуги
form-opt-profession-other = Другая
form-opt-profession-no_profession = Нет профессии

## Здоровье

form-q-health-declaration = Вы здоровы и можете пройти медосмотр?
form-q-health-declaration-hint = Для вида на жительство нужна справка о здоровье.
form-q-health-has_disability = У вас есть инвалидность?
form-q-health-has_disability-hint = Этот ответ не снижает баллы. Он нужен, чтобы предложить помощь.

## Связь с Казахстаном

form-q-adaptability-relatives_in_kz = У вас есть родные в Казахстане?
form-q-adaptability-relatives_degree = Кто они вам?
form-q-adaptability-previous_stays = Вы уже жили в Казахстане?
form-q-adaptability-previous_stays-hint = Работали, учились или жили дольше месяца.
form-q-adaptability-previous_stay_months = Сколько месяцев всего?
form-q-adaptability-studied_in_kz = Вы учились в Казахстане?

form-opt-kin-parent = Отец или мать
form-opt-kin-child = Ребёнок
form-opt-kin-sibling = Брат или сестра
form-opt-kin-other = Другие родные

## Судимость и депортация

form-q-record-convicted = У вас была судимость?
form-q-record-convicted-hint = Отвечайте честно. Это всё равно проверят.
form-q-record-conviction_details = Что было и когда?
form-q-record-conviction_details-example = 2015 год, нарушение ПДД, штраф оплачен
form-q-record-deported = Вас когда-нибудь выдворяли из страны?
form-q-record-deported-hint = Депортация — когда человека заставили уехать из страны.
form-q-record-deported_from = Из какой страны?
form-q-record-entry_ban = Вам запрещали въезд в Казахстан?

## Кандасы

form-q-kandas-origin_country = Из какой страны вы переезжаете?
form-q-kandas-origin_country-hint = Страна, где вы живёте сейчас.
form-q-kandas-ethnicity_documents = Какие документы подтверждают, что вы казах?
form-q-kandas-ethnicity_documents-hint = Отметьте все, что есть.
form-q-kandas-has_status = У вас уже есть статус кандаса?
form-q-kandas-has_status-hint = Статус дают на migration.enbek.kz, в посольстве или в ЦОНе.
form-q-kandas-join_quota = Хотите переехать по квоте в одну из областей?
form-q-kandas-join_quota-hint = По квоте дают помощь государства. Но жить в этой области нужно весь срок договора.
form-q-kandas-preferred_region = Какая область вам подходит?
form-q-kandas-preferred_region-hint = Только области из списка квоты.
form-q-kandas-take_support = Хотите получать помощь государства?
form-q-kandas-take_support-hint = Если уехать из области раньше срока, возможно, придётся вернуть всю помощь.

form-opt-ethnicity_doc-identity_document = Паспорт или удостоверение, где написано «казах»
form-opt-ethnicity_doc-birth_certificate = Свидетельство о рождении
form-opt-ethnicity_doc-parents_documents = Документы родителей
form-opt-ethnicity_doc-archive_record = Справка из архива
form-opt-ethnicity_doc-none_yet = Пока нет документов

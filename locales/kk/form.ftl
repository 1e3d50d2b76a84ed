# Drafted without a native speaker: needs review by a native Kazakh speaker.
# Қазақ тілі ана тілі емес адам жазды: шығармас бұрын қазақ тілі ана тілі болатын адам тексеруі керек.
# Қазақша (кирилл). residence-2026 сауалнамасы, 1-нұсқа (shared/forms/residence-2026.v1.json):
# атауы, бөлімдер, сұрақтар (form-q-…), кеңестер (…-hint) және жауап нұсқалары (form-opt-…).
# Кілттер орыс тіліндегі файлмен бірдей (ru/form.ftl). Сұрақтар қысқа, «сіз» деп.

form-residence-title = Қазақстанда тұрақты тұруға арналған сауалнама

## Бөлімдер

form-section-personal = Өзіңіз туралы
form-section-contacts = Сізбен қалай байланысамыз
form-section-citizenship = Азаматтық
form-section-family = Отбасы
form-section-education = Білім
form-section-languages = Тілдер
form-section-work = Жұмыс
form-section-military = Әскери қызмет
form-section-skills = Мамандық және дағдылар
form-section-health = Денсаулық
form-section-adaptability = Қазақстанмен байланыс
form-section-record = Соттылық және депортация
form-section-kandas = Қандастар

## Өзіңіз туралы

form-q-personal-surname = Тегі
form-q-personal-surname-hint = Паспорттағыдай жазыңыз.
form-q-personal-surname-example = Нұрланұлы
form-q-personal-given_names = Аты
form-q-personal-given_names-example = Ерлан
form-q-personal-patronymic = Әкесінің аты (бар болса)
form-q-personal-patronymic-example = Нұрланұлы
form-q-personal-birth_date = Туған күні
form-q-personal-sex = Жынысы
form-q-personal-birth_country = Туған елі
form-q-personal-citizenship = Азаматтығы
form-q-personal-citizenship-hint = Қазір қолыңыздағы паспорт қай елдікі.
form-q-personal-is_ethnic_kazakh = Ұлтыңыз қазақ па?
form-q-personal-is_ethnic_kazakh-hint = «Иә» десеңіз, қандастарға арналған сұрақтар шығады.
form-q-personal-marital_status = Отбасылық жағдайы

form-opt-sex-female = Әйел
form-opt-sex-male = Ер

form-opt-marital-single = Некеде емес
form-opt-marital-married = Некеде
form-opt-marital-divorced = Ажырасқан
form-opt-marital-widowed = Жесір (әйелі не күйеуі қайтыс болған)

## Сізбен қалай байланысамыз

form-q-contacts-phone = Телефон нөмірі
form-q-contacts-phone-hint = Елдің кодымен. Мысалы: +998 90 123 45 67.
form-q-contacts-phone_has_messenger = Бұл нөмірде WhatsApp не Telegram бар ма?
form-q-contacts-email = Электрондық пошта
form-q-contacts-address = Қазір тұратын мекенжайыңыз
form-q-contacts-address-hint = Қала, көше, үй, пәтер.
form-q-contacts-address-example = Ташкент, Шыланзар 12, 45-пәтер

## Азаматтық

form-q-citizenship-has_second = Екінші азаматтығыңыз бар ма?
form-q-citizenship-second_country = Екінші азаматтығыңыз қай елдікі
form-q-citizenship-current_country = Қазір қай елде тұрасыз?
form-q-citizenship-current_country-hint = Уақытыңыздың көбін өткізетін ел.
form-q-citizenship-current_status = Бұл елде сіз кімсіз?
form-q-citizenship-current_since = Бұл елде қай күннен бері тұрасыз?

form-opt-stay-citizen = Азаматымын
form-opt-stay-permanent_resident = Тұруға ықтиярхатым бар
form-opt-stay-temporary_resident = Уақытша рұқсатым бар
form-opt-stay-visitor = Қонақпын, визамен не визасыз

## Отбасы

form-q-family-has_members = Сізбен бірге туыстарыңыз көше ме?
form-q-family-has_members-hint = Күйеуіңіз не әйеліңіз, балаларыңыз, ата-анаңыз, бауырларыңыз.
form-q-family-members = Отбасы мүшелері
form-q-family-members-hint = Әр адамды бөлек қосыңыз.
form-q-family-members-relation = Сізге кім болады
form-q-family-members-full_name = Тегі мен аты
form-q-family-members-full_name-example = Әйгерім Ерланқызы
form-q-family-members-birth_date = Туған күні
form-q-family-members-citizenship = Азаматтығы
form-q-family-members-moves_with_me = Сізбен бірге көше ме?

form-opt-relation-spouse = Күйеуім не әйелім
form-opt-relation-child = Балам
form-opt-relation-parent = Әкем не анам
form-opt-relation-sibling = Бауырым (аға, іні, әпке, сіңлі)

## Білім

form-q-education-level = Біліміңіз
form-q-education-field = Қандай мамандыққа оқыдыңыз?
form-q-education-country = Қай елде оқыдыңыз?
form-q-education-year = Оқуды бітірген жылыңыз
form-q-education-year-hint = Соңғы дипломды алған жыл.

form-opt-education-none = Білімім жоқ
form-opt-education-secondary = Мектеп
form-opt-education-vocational = Колледж немесе училище
form-opt-education-bachelor = Университет (бакалавр)
form-opt-education-master = Магистратура
form-opt-education-doctorate = Докторантура немесе аспирантура

form-opt-field-education = Мұғалім, тәрбиеші
form-opt-field-health = Медицина
form-opt-field-engineering = Инженер, техник
form-opt-field-it = Компьютер, IT
form-opt-field-agriculture = Ауыл шаруашылығы
form-opt-field-economics = Экономика, бухгалтерия
form-opt-field-law = Құқық
form-opt-field-science = Ғылым
form-opt-field-arts = Өнер, мәдениет
form-opt-field-services = Қызмет көрсету
form-opt-field-other = Басқа

## Тілдер

form-q-languages-kazakh = Қазақ тілін қаншалықты білесіз?
form-q-languages-kazakh-hint = A1 — қарапайым сөздерді білемін. C2 — ана тіліндей білемін.
form-q-languages-russian = Орыс тілін қаншалықты білесіз?
form-q-languages-english = Ағылшын тілін қаншалықты білесіз?
form-q-languages-kaztest_taken = ҚАЗТЕСТ тапсырдыңыз ба?
form-q-languages-kaztest_taken-hint = ҚАЗТЕСТ — қазақ тілінен тест. Онсыз сауалнаманы қарамайды.
form-q-languages-kaztest_date = ҚАЗТЕСТ-ті қашан тапсырдыңыз?
form-q-languages-kaztest_listening = ҚАЗТЕСТ: тыңдау бөлімінің нәтижесі, пайызбен
form-q-languages-kaztest_listening-hint = 0-ден 100-ге дейінгі сан. Ол сертификатта жазылған.
form-q-languages-kaztest_reading = ҚАЗТЕСТ: оқу бөлімінің нәтижесі, пайызбен
form-q-languages-kaztest_reading-hint = 0-ден 100-ге дейінгі сан. Ол сертификатта жазылған.

form-opt-level-none = Мүлдем білмеймін
form-opt-level-a1 = A1 — бастапқы
form-opt-level-a2 = A2 — қарапайым
form-opt-level-b1 = B1 — орташа
form-opt-level-b2 = B2 — жақсы
form-opt-level-c1 = C1 — өте жақсы
form-opt-level-c2 = C2 — ана тіліндей

## Жұмыс

form-q-work-current_status = Қазір немен айналысасыз?
form-q-work-years_total = Барлығы неше жыл жұмыс істедіңіз?
form-q-work-years_total-hint = Жұмыс істеген жылдарыңыздың бәрін қосыңыз. Бір жылдан аз болса, 0 деп жазыңыз.
form-q-work-history = Қайда жұмыс істедіңіз, қайда оқыдыңыз
form-q-work-history-hint = Ең соңғы орыннан бастаңыз.
form-q-work-history-activity = Бұл не еді?
form-q-work-history-title = Лауазымы немесе мамандығы
form-q-work-history-title-hint = Мысалы: жүргізуші, медбике, инженер.
form-q-work-history-title-example = Құрылыс инженері
form-q-work-history-country = Ел
form-q-work-history-start = Басталған күні
form-q-work-history-ongoing = Қазір де сондасыз ба?
form-q-work-history-end = Біткен күні

form-opt-employment-employed = Жалдамалы жұмыс істеймін
form-opt-employment-self_employed = Өзіме жұмыс істеймін
form-opt-employment-unemployed = Жұмыс істемеймін
form-opt-employment-student = Оқимын
form-opt-employment-retired = Зейнеткермін

form-opt-activity-job = Жұмыс
form-opt-activity-own_business = Өз ісім
form-opt-activity-study = Оқу

## Әскери қызмет

form-q-military-served = Әскерде қызмет еттіңіз бе?
form-q-military-country = Қай елде?
form-q-military-end_year = Қызметті қай жылы бітірдіңіз?

## Мамандық және дағдылар

form-q-skills-profession_group = Мамандығыңыз
form-q-skills-in_demand = Мамандығыңыз Қазақстанға керек мамандықтар тізімінде бар ма?
form-q-skills-in_demand-hint = Тізімді Еңбек министрлігі бекітеді. Білмесеңіз, «Жоқ» деп жауап беріңіз.
form-q-skills-certificates = Мамандығыңыз бойынша диплом не сертификат бар ма?
form-q-skills-certificates-hint = Мысалы: диплом, куәлік, курс сертификаты.
form-q-skills-driving_licence = Жүргізуші куәлігіңіз бар ма?

form-opt-profession-health = Медицина
form-opt-profession-education = Білім беру
form-opt-profession-engineering = Инженер, техник
form-opt-profession-it = Компьютер, IT
form-opt-profession-agriculture = Ауыл шаруашылығы
form-opt-profession-construction = Құрылыс
form-opt-profession-transport = Көлік, жүргізуші
form-opt-profession-trade_services = Сауда және қызмет көрсету
form-opt-profession-other = Басқа
form-opt-profession-no_profession = Мамандығым жоқ

## Денсаулық

form-q-health-declaration = Денсаулығыңыз жақсы ма, медициналық тексеруден өте аласыз ба?
form-q-health-declaration-hint = Ықтиярхат алу үшін денсаулық туралы анықтама керек.
form-q-health-has_disability = Мүгедектігіңіз бар ма?
form-q-health-has_disability-hint = Бұл жауап балды төмендетпейді. Ол сізге көмек ұсыну үшін керек.

## Қазақстанмен байланыс

form-q-adaptability-relatives_in_kz = Қазақстанда туыстарыңыз бар ма?
form-q-adaptability-relatives_degree = Олар сізге кім болады?
form-q-adaptability-previous_stays = Бұрын Қазақстанда тұрдыңыз ба?
form-q-adaptability-previous_stays-hint = Бір айдан ұзақ жұмыс істедіңіз, оқыдыңыз немесе тұрдыңыз.
form-q-adaptability-previous_stay_months = Барлығы неше ай?
form-q-adaptability-studied_in_kz = Қазақстанда оқыдыңыз ба?

form-opt-kin-parent = Әкем не анам
form-opt-kin-child = Балам
form-opt-kin-sibling = Бауырым (аға, іні, әпке, сіңлі)
form-opt-kin-other = Басқа туыстарым

## Соттылық және депортация

form-q-record-convicted = Бұрын сотталған кезіңіз болды ма?
form-q-record-convicted-hint = Шынын жазыңыз. Бәрібір тексереді.
form-q-record-conviction_details = Не болды және қашан?
form-q-record-conviction_details-example = 2015 жыл, жол ережесін бұзу, айыппұл төленді
form-q-record-deported = Сізді бір елден күштеп шығарып жіберген кез болды ма?
form-q-record-deported-hint = Депортация — адамды елден кетуге мәжбүрлеу.
form-q-record-deported_from = Қай елден?
form-q-record-entry_ban = Сізге Қазақстанға кіруге тыйым салған кез болды ма?

## Қандастар

form-q-kandas-origin_country = Қай елден көшіп келесіз?
form-q-kandas-origin_country-hint = Қазір тұрып жатқан еліңіз.
form-q-kandas-ethnicity_documents = Қазақ екеніңізді қандай құжаттар растайды?
form-q-kandas-ethnicity_documents-hint = Бар құжаттың бәрін белгілеңіз.
form-q-kandas-has_status = Сізде қандас мәртебесі бар ма?
form-q-kandas-has_status-hint = Мәртебені migration.enbek.kz сайтында, елшілікте немесе ХҚКО-да (халыққа қызмет көрсету орталығында) береді.
form-q-kandas-join_quota = Квота бойынша облыстардың біріне көшкіңіз келе ме?
form-q-kandas-join_quota-hint = Квотамен көшкендерге мемлекет көмек береді. Бірақ келісімшарттың бүкіл мерзімінде сол облыста тұру керек.
form-q-kandas-preferred_region = Сізге қай облыс ыңғайлы?
form-q-kandas-preferred_region-hint = Тек квота тізіміндегі облыстар.
form-q-kandas-take_support = Мемлекеттен көмек алғыңыз келе ме?
form-q-kandas-take_support-hint = Облыстан мерзімінен бұрын кетсеңіз, алған көмектің бәрін қайтаруға тура келуі мүмкін.

form-opt-ethnicity_doc-identity_document = «Қазақ» деп жазылған паспорт не куәлік
form-opt-ethnicity_doc-birth_certificate = Туу туралы куәлік
form-opt-ethnicity_doc-parents_documents = Ата-анаңыздың құжаттары
form-opt-ethnicity_doc-archive_record = Мұрағаттан анықтама
form-opt-ethnicity_doc-none_yet = Әзірге құжат жоқ

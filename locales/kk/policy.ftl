# Drafted without a native speaker: needs review by a native Kazakh speaker.
# Қазақ тілі ана тілі емес адам жазды: шығармас бұрын қазақ тілі ана тілі болатын адам тексеруі керек.
# Қазақша (кирилл). Саясаттағы атаулар (shared/policy): облыстар, көмек түрлері, өтініш кезеңдері,
# кезеңдердің нәтижелері, балл тармақтары; ережелердің дереккөздері мен ескертпелер.
# Сандар (сомалар, мерзімдер, балдар) саясаттан айнымалы арқылы келеді: мәтінге жазбаймыз.
# Кілттер орыс тіліндегі файлмен бірдей (ru/policy.ftl).

## Қандастар қоныстанатын облыстар: region-<id>

region-akmola = Ақмола облысы
region-abai = Абай облысы
region-kostanay = Қостанай облысы
region-pavlodar = Павлодар облысы
region-atyrau = Атырау облысы
region-west_kazakhstan = Батыс Қазақстан облысы
region-east_kazakhstan = Шығыс Қазақстан облысы
region-north_kazakhstan = Солтүстік Қазақстан облысы
# $people — бір жылғы квота, $year — жыл.
region-quota = { $year } жылғы квота: { $people } адам

## Мемлекеттің қандастарға көмегі: support-<id>

support-relocation_subsidy = Көшуге берілетін ақша
support-relocation_subsidy-hint = Бір рет төленеді, отбасының әр мүшесіне.
# $amount — бір адамға берілетін сома.
support-relocation_subsidy-amount = Отбасының әр мүшесіне { $amount }, бір рет
support-rent_utilities = Үй жалдауға және коммуналдық қызметтерге көмек
support-rent_utilities-hint = Көшіп келгеннен кейінгі алғашқы айларда ай сайын төленеді.
# $min және $max — айлық сомалар, $months — неше ай.
support-rent_utilities-amount = Айына { $min } мен { $max } аралығында, { $months } ай бойы
support-employer_subsidy = Жұмыс берушіге берілетін ақша
support-employer_subsidy-hint = Бұл ақшаны қандасты жұмысқа алған жұмыс беруші алады. Отбасыға төленбейді.
support-employer_subsidy-amount = Жұмыс берушіге { $amount }
support-housing_certificate = Тұрғын үй сертификаты
support-housing_certificate-hint = Үй сатып алуға көмектеседі. Оны экономикалық ұтқырлық сертификаты деп те атайды.
support-housing_certificate-amount = { $amount } дейін
support-other = Басқа көмек

## Өтініш кезеңдері: stage-<id>, және кезеңде не болады

stage-submitted = Өтініш жіберілді
stage-submitted-hint = Сауалнамаңыз жіберілді. Келесі қадам — жүйе балл есептейді.
stage-language_test = Қазақ тілінен тест (ҚАЗТЕСТ)
stage-language_test-hint = Тест онлайн, A1 деңгейі: тыңдау және оқу. Әр бөлімнен кемінде 30% керек. Үш ретке дейін тапсыруға болады, ақылы. Тест сауалнамадан бұрын тапсырылады: сауалнама тек тест сертификатымен ашылады.
stage-scoring = Балл есептеу
# $points — саясаттағы өту балы.
stage-scoring-hint = Жүйе сауалнамаңыз бойынша балл есептейді. Кемінде { $points } балл керек.
stage-interagency_checks = Мемлекеттік органдардың тексеруі
stage-interagency_checks-hint = Мемлекеттік органдар деректеріңізді тексереді. Сізден ештеңе керек емес.
stage-interview = Сұхбат
stage-interview-hint = Сізді тұратын жеріңіздегі полицияға әңгімеге шақырады. Паспортыңызды ала барыңыз.
stage-decision = Шешім
stage-decision-hint = Өтінішіңіз бойынша шешімді сізге хабарлайды.
stage-residence_permit = Тұруға ықтиярхат
stage-residence_permit-hint = Скрининг сертификатымен тұруға ықтиярхатты халыққа қызмет көрсету орталығында сұрайсыз.

## Кезеңнің нәтижесі: outcome-<id>

outcome-pending = Жауап күтіп тұрмыз
outcome-passed = Өтті
outcome-failed = Өтпеді
outcome-approved = Мақұлданды
outcome-refused = Бас тартылды

## Балл тармақтары: criterion-<id>, және оларды не көтере алады

criterion-age = Жас
criterion-age-raise = Жасты өзгерту мүмкін емес.
criterion-education = Білім
criterion-education-raise = Колледж не жоғары оқу орнының дипломы көбірек балл береді.
criterion-language_kazakh = Қазақ тілі
criterion-language_kazakh-raise = Қазақ тілін үйреніңіз: деңгейіңіз көтерілген сайын балл көбейеді.
criterion-language_russian = Орыс тілі
criterion-language_russian-raise = Орыс тілін жақсырақ білсеңіз, балл көбірек болады.
criterion-language_english = Ағылшын тілі
criterion-language_english-raise = Ағылшын тілі тек IELTS не TOEFL сертификатымен есептеледі: ондағы деңгей жоғары болса, балл көбірек болады.
criterion-work_experience = Жұмыс өтілі
criterion-work_experience-raise = Жұмыс жылдары көп болса, балл да көп болады.
criterion-professional_skills = Мамандық
criterion-professional_skills-raise = Қазақстанға керек мамандықтар тізіміндегі мамандық көбірек балл береді.
criterion-adaptability = Қазақстанмен байланыс
criterion-adaptability-raise = Қазақстандағы туыстар, бұрын осында болғаныңыз және осында оқығаныңыз көбірек балл береді.

## Ескертпелер

disclaimer-score = Бұл — алдын ала өзіңізді тексеру, шешім емес. Тек ресми жүйенің нәтижесі шешеді.
disclaimer-score-illustrative = Шамамен алынған балдар
# $years — саясаттағы келісімшарт мерзімі.
disclaimer-refund = Отбасы облыстан { $years } жыл толмай кетсе, алған көмектің бәрін қайтаруға тура келуі мүмкін.
disclaimer-refund-uncertain = Біз заңның мәтінін көрген жоқпыз. Тек бір бөлігін қайтаруға бола ма, қай төлемдер есепке кіреді, дәлелді себеппен кетсе ерекшелік бар ма — белгісіз. Мерзім қол қойған күннен бе, әлде келген күннен бе есептелетіні де белгісіз. Біз қол қойған күннен есептейміз.
disclaimer-rent-band = Осы аралықтағы соманы қалай таңдайтыны белгісіз. Біз бүкіл аралықты көрсетеміз.
# $days — рәсімнің жалпы мерзімі.
disclaimer-stage-durations = Скрининг барлығы { $days } күнге дейін созылады деп хабарланған. «Біздің болжам» деп белгіленген мерзімдер жарияланған сандар емес.
disclaimer-general-grounds = Бұл тәртіп туралы заңды біз тексерген жоқпыз. Көші-қон қызметінен нақтылаңыз.
disclaimer-uncertain = Заңмен расталмаған
disclaimer-not-official = Көш — мемлекеттік қызмет емес. Өтінішті мемлекет қарайды.

## Ережелердің дереккөздері

source-mci = 2025 жылғы 8 желтоқсандағы республикалық бюджет туралы заң
source-quota = 2026 жылға арналған қандастар квотасы туралы 2025 жылғы 30 желтоқсандағы бұйрық (mgorod.kz, baq.kz)
source-support = Еңбек министрлігінің хабарламасы (zakon.kz); NITEC; lada.kz
source-stages = Премьер-Министрдің орынбасары А. Балаева, 2030 жылға дейінгі Көші-қон саясатының тұжырымдамасы; 2026 жылғы 30 қаңтардағы бірлескен бұйрық
source-refund = Премьер-Министрдің орынбасары А. Балаева, 2026 жылғы 8 қаңтар (Синьхуа, zakon.kz); lada.kz: облыстан бес жыл толмай кетсе, көмектің бүкіл сомасы қайтарылады
source-general-grounds = Қандастарға көмектің шарттары: тек квота бойынша және бес жылдық әлеуметтік келісімшартпен (Еңбек министрлігі, zakon.kz)
source-scoring = 2026 жылғы 30 қаңтардағы бірлескен бұйрық (Еңбек министрлігі № 41, ІІМ № 60, Цифрлық даму министрлігі № 47): бағалау тармақтары және 400 өту балы

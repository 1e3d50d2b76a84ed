# Drafted without a native speaker: needs review by a native Kazakh speaker.
# Қазақша (кирилл): маңызды күндер (issue 12): KAZTEST сертификаты, скрининг сертификаты,
# қандас шартының аяқталуы, кешігіп жатқан кезең және телефонның өзі жасайтын күнтізбе файлдары.
# $date — КК.АА.ЖЖЖЖ түріндегі күн; $stage — кезеңнің атауы; $days — күн саны.
# Латын және араб жазуы осы файлдан автоматты түрде жасалады: мұнда тек кирилмен жазамыз.

ui-deadlines-title = Маңызды күндер
ui-deadlines-open = Маңызды күндер
ui-deadlines-intro = Жауаптарыңыз, өтінішіңіз және шартыңыз бойынша. Күнді телефон күнтізбесіне қосыңыз: ол { $days } күн бұрын еске салады.
ui-deadlines-none = Әзірге күндер жоқ. Олар KAZTEST күнін енгізгенде, өтініш алға жылжығанда немесе шартты енгізгенде пайда болады.
ui-deadlines-kaztest = KAZTEST сертификаты: жарамды соңғы күн
ui-deadlines-kaztest-from = Тест { $date } тапсырылды.
ui-deadlines-screening_certificate = Скрининг сертификаты: жарамды соңғы күн
ui-deadlines-screening_certificate-from = { $date } шешімі. Тұруға ықтиярхатқа осы күнге дейін ХҚКО-ға өтініш беріңіз.
ui-deadlines-contract_end = Қандастың келісімшарты аяқталады
ui-deadlines-contract_end-from = { $date } қол қойылды. Осы күннен бастап көшу ештеңе тұрмайды.
ui-deadlines-stage = { $stage }: әдетте осы күнге дейін бітеді
ui-deadlines-stage-from = Кезең { $date } басталды.
ui-deadlines-late = Бұл кезең әдеттегіден ұзаққа созылып жатыр.
ui-deadlines-past = Бұл күн өтіп кетті.
ui-deadlines-uncertain = Бұл күнді қызметтен нақтылаңыз.
ui-deadlines-source = Дереккөз: { $source }
ui-deadlines-source-kaztest = KAZTEST жалпы ережелері (orda.kz); 2026 жылғы пилот үшін расталмаған
ui-deadlines-source-checks = acsour.kz, 2026 жылғы 18 мамыр: тексерулер 20 жұмыс күні ішінде
ui-deadlines-add = Күнтізбеге қосу
ui-deadlines-add-all = Барлық күндерді күнтізбеге қосу
# Күнтізбедегі еске салу: $what — күннің атауы.
ui-deadlines-reminder = { $what }: { $date }
ui-deadlines-calendar-name = Kosh: маңызды күндер
error-file = Күнтізбе файлын бұл телефонға сақтау мүмкін болмады. Қайталап көріңіз.

# Drafted without a native speaker: needs review by a native Kazakh speaker.
# Қазақ тілі ана тілі емес адам жазды: шығармас бұрын қазақ тілі ана тілі болатын адам тексеруі керек.
# Қазақша (кирилл). Кілттер мен айнымалылар орыс тіліндегі файлмен бірдей (ru/ui.ftl).
# Қысқа сөйлем, қарапайым сөз, «сіз» деп сөйлейміз. Тек қазақ әріптері: ә ғ қ ң ө ұ ү һ і.
# Латын жазуы осы файлдан автоматты түрде жасалады: мұнда тек кирилмен жазамыз.
# Қазақ тілінде сан есімнен кейін зат есім көпше түрге түспейді («5 күн»), сондықтан
# көпше түрді таңдау (select) керек емес.

## Жалпы

ui-app-name = Көш
ui-yes = Иә
ui-no = Жоқ
ui-next = Келесі
ui-back = Артқа
ui-save = Сақтау
ui-cancel = Болдырмау
ui-close = Жабу
ui-continue = Жалғастыру
ui-retry = Қайта көру
ui-edit = Өзгерту
ui-add = Қосу
ui-remove = Өшіру
ui-done = Дайын
ui-loading = Жүктеліп жатыр…
ui-choose = Таңдаңыз
ui-search = Іздеу
ui-nothing-found = Ештеңе табылмады. Басқа сөзбен іздеп көріңіз.
ui-required = Міндетті
ui-optional = Толтырмауға болады
ui-error-title = Бірдеңе дұрыс болмады
ui-error-try-again = Бірдеңе дұрыс болмады. Қайта көріңіз.

## Пішімдер. Сандарды қосымша өзі қояды; сөз тәртібі мен белгілерді тіл анықтайды.

# Айдың күні, ай (1–12) және жыл: «12 наурыз 2026».
ui-format-date =
    { $day } { $month ->
        [1] қаңтар
        [2] ақпан
        [3] наурыз
        [4] сәуір
        [5] мамыр
        [6] маусым
        [7] шілде
        [8] тамыз
        [9] қыркүйек
        [10] қазан
        [11] қараша
       *[12] желтоқсан
    } { $year }
# Теңгедегі сома. $amount ішінде разрядтар арасындағы бос орын бар.
ui-format-tenge = { $amount }{"\u00A0"}₸
# Разрядтар арасындағы белгі: 1 275 875 (үзілмейтін бос орын).
ui-format-thousands-separator = {"\u00A0"}

## Төменгі мәзір

ui-nav-home = Басты бет
ui-nav-form = Сауалнама
ui-nav-status = Өтініш
ui-nav-contract = Келісімшарт
ui-nav-settings = Баптаулар

## Алғаш ашқанда: тілді таңдау

ui-language-title = Тілді таңдаңыз
ui-language-hint = Тілді кейін баптаулардан ауыстыруға болады.
ui-language-kazakh-script = Қазақ тілі: қай әріппен жазайық?
# «Қазақша» жолдық литерал ішінде: латын қазақшасында да кириллмен қалады (үлгі ретінде).
ui-language-script-cyrillic = Кирилл әріптері ({"Қазақша"})
ui-language-script-latin = Латын әріптері (Qazaqşa)
ui-language-script-arabic = Төте жазу, араб әріптері (قازاقشا)
ui-language-unavailable = Бұл тілді жүктеу мүмкін болмады. Интернетке қосылып, қайта көріңіз.

## Сәлемдесу

ui-welcome-title = Қош келдіңіз
ui-welcome-text = Көш Қазақстанда тұрақты тұруға арналған сауалнаманы толтыруға көмектеседі. Өтінішіңіздің қалай жүріп жатқанын көресіз.
ui-welcome-offline = Интернет әрдайым керек емес. Жауаптар телефонда сақталады.
ui-welcome-start = Сауалнаманы бастау
ui-welcome-have-account = Менде аккаунт бар

## Кіру және тіркелу

ui-auth-register-title = Аккаунт ашыңыз
ui-auth-register-text = Аккаунт болса, жауаптарыңыз серверде де сақталады. Оларды басқа телефоннан да ашуға болады.
ui-auth-login-title = Кіру
ui-auth-email = Электрондық пошта
ui-auth-email-hint = Мысалы: aigul@mail.kz
ui-auth-password = Құпиясөз
ui-auth-password-hint = Кемінде 10 таңба.
ui-auth-password-show = Құпиясөзді көрсету
ui-auth-password-hide = Құпиясөзді жасыру
ui-auth-register-button = Аккаунт ашу
ui-auth-login-button = Кіру
ui-auth-to-login = Аккаунтыңыз бар ма? Кіріңіз
ui-auth-to-register = Аккаунтыңыз жоқ па? Ашыңыз
ui-auth-later = Кейін. Алдымен сауалнаманы толтырамын
ui-auth-offline = Интернет жоқ. Сауалнаманы қазір толтыра беріңіз. Аккаунтты кейін ашасыз.
ui-auth-no-sms = Біз СМС жібермейміз. СМС-код керек емес.
ui-auth-working = Күте тұрыңыз…

## Басты бет

ui-home-title = Басты бет
ui-home-application-title = Сіздің өтінішіңіз
ui-home-application-none = Сіз әлі өтініш жіберген жоқсыз.
# $stage — кезеңнің аты (stage-…), $outcome — нәтиже (outcome-…).
ui-home-application-stage = Кезең: { $stage }. { $outcome }.
ui-home-application-open = Өтініш туралы толығырақ
ui-home-draft-title = Сауалнама
# Сауалнаманың неше бөлімі толтырылды.
ui-home-draft-progress = { $total } бөлімнің { $done } бөлімі толтырылды
ui-home-draft-start = Сауалнаманы бастау
ui-home-draft-continue = Сауалнаманы жалғастыру
ui-home-draft-complete = Барлық бөлім толтырылды. Тексеріп, жіберіңіз.
ui-home-draft-sent = Сауалнама жіберілді.
ui-home-contract-title = Қандастың келісімшарты
ui-home-contract-none = Әлеуметтік келісімшартқа қол қойған болсаңыз, оны осында қосыңыз. Мерзімдерін еске салып отырамыз.
ui-home-contract-add = Келісімшартты қосу
ui-home-contract-days-left = Келісімшарттың бітуіне { $days } күн қалды.
ui-home-contract-ended = Келісімшарттың мерзімі бітті.
ui-home-contract-open = Келісімшарт туралы толығырақ
ui-home-score-open = Алдын ала балды тексеру

## Синхрондау: жоғарғы жолақ

ui-sync-saved-local = Осы телефонда сақталды
ui-sync-syncing = Жіберіліп жатыр…
ui-sync-synced = Серверде сақталды
ui-sync-offline = Интернет жоқ. Жауаптар телефонда сақталды.
ui-sync-failed = Жіберу мүмкін болмады. Өзіміз қайта жіберіп көреміз.
# $time — күні мен уақыты.
ui-sync-last = Соңғы рет жіберілді: { $time }
ui-sync-pending = Жіберуді күтіп тұр: { $count } өзгеріс
ui-sync-changed-elsewhere = Басқа құрылғыда өзгертілді
# Қайшылықта жауабы сақталған телефонда көрсетіледі; артынан басқа құрылғының жауабы.
ui-sync-replaced-elsewhere = Басқа құрылғыдағы жауап осы жауаппен ауыстырылды
# $value — осы телефондағы жауап.
ui-sync-your-value = Осы телефонда былай еді: { $value }

## Сауалнама

ui-form-title = Сауалнама
# Бөлімнің нөмірі және барлығы неше бөлім.
ui-form-progress = { $current }-бөлім, барлығы { $total }
ui-form-next = Келесі
ui-form-back = Артқа
ui-form-to-review = Жауаптарды тексеру
ui-form-saved = Сақталды
ui-form-required = Міндетті сұрақ
ui-form-example = Мысалы: { $example }
# Күн үш жолақпен енгізіледі: күні, айы (атымен таңдалады) және жылы.
ui-date-day = Күні
ui-date-month = Айы
ui-date-year = Жылы
ui-date-month-name =
    { $month ->
        [1] қаңтар
        [2] ақпан
        [3] наурыз
        [4] сәуір
        [5] мамыр
        [6] маусым
        [7] шілде
        [8] тамыз
        [9] қыркүйек
        [10] қазан
        [11] қараша
       *[12] желтоқсан
    }
ui-form-choose = Жауапты таңдаңыз
ui-form-search-country = Елді іздеңіз
ui-form-search-region = Облысты іздеңіз
ui-form-date-day = Күні
ui-form-date-month = Айы
ui-form-date-year = Жылы
ui-form-repeat-add = Тағы қосу
ui-form-repeat-remove = Бұл жазбаны өшіру
# Тізімдегі жазбаның нөмірі: отбасы мүшесі № 2, жұмыс № 3.
ui-form-repeat-item = № { $number }
ui-form-repeat-empty = Әзірге ештеңе қосылған жоқ.
ui-form-section-errors = Бұл бөлімде { $count } жауапты түзету керек.
ui-form-updated = Сауалнама жаңарды. Жауаптарыңыз сақталды. { $count } жауап енді керек емес.

## Тексеру және жіберу

ui-review-title = Жауаптарды тексеріңіз
ui-review-intro = Жауаптарыңызды қарап шығыңыз. Бірдеңе дұрыс болмаса, «Өзгерту» түймесін басыңыз.
ui-review-missing-title = Әлі толтырылмаған
ui-review-missing-count = { $count } жауап жетпейді
ui-review-go-to = Толтыру
ui-review-all-done = Бәрі толтырылды. Жіберуге болады.
ui-review-no-answer = Жауап жоқ
ui-review-submit = Сауалнаманы жіберу
ui-review-submit-confirm = Сауалнаманы жібересіз бе? Жібергеннен кейін жауаптарды өзгертуге болмайды.
ui-review-submit-offline = Жіберу үшін интернет керек. Жауаптар сақталды. Байланыс болғанда жіберіңіз.
ui-review-submit-need-account = Сауалнаманы жіберу үшін кіріңіз немесе аккаунт ашыңыз.
ui-review-submitting = Сауалнама жіберіліп жатыр…
ui-review-submitted = Сауалнама жіберілді. Өтінішіңіздің барысын «Өтініш» бетінен қараңыз.

## Алдын ала балл

ui-score-title = Алдын ала өзіңізді тексеру
ui-score-total = Сізде { $points } балл
ui-score-pass-mark = Кемінде { $points } балл керек
ui-score-above = Бұл өту балынан жоғары.
ui-score-below = Тағы { $missing } балл жетпейді.
# Бір тармақ бойынша балл: «100 ішінен 40».
ui-score-criterion = { $max } ішінен { $points }
ui-score-raise-title = Балды не көтере алады
ui-score-not-published = Ресми балл кестесі жарияланған жоқ. Сондықтан мұнда балл да, нәтиже де көрсетілмейді. Төменде: не бағаланады және жауаптарыңыз қалай.
# The pass mark, a reported fact even while the points table is not published.
ui-score-pass-mark-fact = Өту шегі — { $points } балл (2026 жылғы 30 қаңтардағы бірлескен бұйрық туралы хабарлар бойынша).
# How the person's answers stand on one criterion, said without points.
ui-score-standing-helps = көмектеседі
ui-score-standing-improve = жақсартуға болады
ui-score-standing-unanswered = әлі жауап жоқ
ui-score-standing-none = балл қоспайды

## Өтініштің күйі

ui-status-title = Сіздің өтінішіңіз
ui-status-none = Әзірге өтініш жоқ. Алдымен сауалнаманы толтырып, жіберіңіз.
ui-status-submitted-on = Жіберілген күні: { $date }
ui-status-current = Қазір
ui-status-done = Өтті
ui-status-waiting = Алда
ui-status-usual-duration = Әдетте { $days } күнге дейін созылады
ui-status-usual-working-days =
    Әдетте { $days } жұмыс күніне дейін созылады
ui-status-estimate = біздің болжам
ui-status-source-applicant = Мұны сіз хабарладыңыз. Қызметкер әлі растаған жоқ.
ui-status-valid-for =
    Сертификат { $days } күн жарамды
ui-status-expected-by = Күтілетін мерзім: { $date }
ui-status-overdue = Бұл кезең әдеттегіден ұзаққа созылып жатыр.
ui-status-overdue-days = Әдеттегіден { $days } күн ұзақ.
ui-status-overdue-hint = Мұндай болады. Ұзақ уақыт хабар болмаса, көші-қон қызметіне хабарласыңыз.
ui-status-next-title = Әрі қарай не болады
ui-status-note = Ескерту: { $note }
# $days — рәсімнің жалпы мерзімі (саясаттан).
ui-status-whole-procedure = Бүкіл рәсім әдетте { $days } күнге дейін созылады.

## Қандастың келісімшарты

ui-contract-title = Әлеуметтік келісімшарт
ui-contract-none = Әзірге келісімшарт жоқ. Қол қойған болсаңыз, деректерін енгізіңіз.
ui-contract-add = Келісімшартты қосу
ui-contract-region = Облыс
ui-contract-settlement = Қала немесе ауыл
ui-contract-signed-on = Қол қойылған күні
ui-contract-family-members = Келісімшарт бойынша отбасында неше адам
ui-contract-term = Мерзімі: { $years } жыл
ui-contract-ends-on = Келісімшарт бітетін күн: { $date }
ui-contract-days-left = { $days } күн қалды
ui-contract-days-served = Облыста тұрған уақыт: { $days } күн
ui-contract-ended = Бес жыл өтті. Енді көшсеңіз, ештеңе төлемейсіз.
ui-contract-verified = Қызметкер тексерді
ui-contract-not-verified = Мұны өзіңіз енгіздіңіз. Қызметкер әлі тексерген жоқ.
ui-contract-save = Келісімшартты сақтау

## Келісімшарт: алған көмек

ui-contract-support-title = Алған көмек
ui-contract-support-none = Әзірге ештеңе енгізілген жоқ.
ui-contract-support-add = Төлем қосу
ui-contract-support-kind = Көмектің түрі
ui-contract-support-amount = Сомасы, теңгемен
ui-contract-support-date = Алған күні
ui-contract-support-total = Барлығы алынды: { $amount }

## Келісімшарт: «көшіп кетсек ше?»

ui-whatif-title = Көшіп кетсек ше?
ui-whatif-date = Көшетін күн
ui-whatif-check = Тексеру
# $date — көшетін күн, $amount — алынған көмектің бәрі.
ui-whatif-risk-high = Облыстан { $date } күні кетсеңіз, алған көмектің бәрін қайтаруға тура келуі мүмкін: { $amount }.
ui-whatif-risk-none = Облыстан { $date } күні кетсеңіз, ештеңе қайтарудың керегі жоқ.
ui-whatif-free-from = { $date } күнінен бастап ақша қайтармай көшуге болады.
ui-whatif-source = Дереккөз: { $basis }

## Басқа жол: жалпы негізде

ui-general-title = Басқа жол: жалпы негізде
ui-general-text = Қандастар квотасынсыз да тұруға рұқсат (ықтиярхат) алуға болады.
ui-general-no-quota = Квота керек емес.
ui-general-no-support = Мемлекеттен ақшалай көмек жоқ.
ui-general-any-region = Кез келген облыста тұруға болады.
ui-general-screening = Бұл жолда да алдын ала скрининг өтеді.
ui-general-funds = Шетелдіктер { $mci } АЕК қаражатын және { $age } жастан асқан әр отбасы мүшесіне { $m2 } м² тұрғын үйге жететін ақшаны көрсетеді.
ui-general-funds-tenge = { $year } жылы { $mci } АЕК = { $amount }.
ui-general-funds-exempt = Этникалық қазақтарға бұл қаражатты көрсету қажет емес.
ui-general-compare-contract = Келісімшартпен
ui-general-compare-general = Жалпы негізде

## Баптаулар

ui-settings-title = Баптаулар
ui-settings-language = Тіл
ui-settings-script = Қазақ әріптері
ui-settings-script-cyrillic = Кирилл
ui-settings-script-latin = Латын
ui-settings-text-size = Мәтіннің өлшемі
ui-settings-text-normal = Қалыпты
ui-settings-text-large = Ірі
ui-settings-text-largest = Өте ірі
ui-settings-account = Аккаунт
ui-settings-signed-in = Сіз кірген аккаунт: { $email }
ui-settings-not-signed-in = Сіз аккаунтқа кірмегенсіз. Жауаптар тек осы телефонда.
ui-settings-sign-in = Кіру немесе аккаунт ашу
ui-settings-sync = Синхрондау
ui-settings-sync-now = Қазір жіберу
ui-settings-sign-out = Шығу
ui-settings-sign-out-confirm = Аккаунттан шығасыз ба? Жіберілмеген жауаптар телефонда қалады.
ui-settings-version = Нұсқа { $version }

## Жыл сайын өзгеретін ережелер: серверден келетін ереже жинақтары мен сауалнама нұсқалары

# $date — көрсетілген ережелер күшінде болған соңғы күн.
ui-rules-not-published = Биылғы ережелер әлі жарияланған жоқ. Kosh { $date } дейін күшінде болған ережелерді көрсетеді. Сомалар мен квоталар өзгеруі мүмкін.
ui-rules-not-received = Бұл телефон биылғы ережелерді әлі алған жоқ. Kosh { $date } дейін күшінде болған ережелерді көрсетеді. Жаңаларын алу үшін интернетке қосылыңыз.
ui-rules-damaged = Осы телефонда сақталған ережелер бүлінген. Байланыс болғанша Kosh қосымшаға енгізілген ережелерді қолданады. Жауаптарыңыз сақталған.
ui-rules-changed-title = Ережелер өзгерді
# $year — жыл, $amount — бір АЕК теңгемен.
ui-rules-changed-mci = { $year } жылғы АЕК жарияланды: { $amount }. { $year } жылғы қолдау сомалары соған байланысты.
# $name — қолдау түрі, $amount — жаңа сомасы сөзбен.
ui-rules-changed-support = { $name }. Жаңа сомасы: { $amount }
ui-rules-changed-support-plain = { $name }: бұл қолдаудың ережелері өзгерді.
ui-rules-changed-support-removed = { $name }: бұл қолдау ережелерде енді жоқ.
ui-rules-changed-quotas = { $year } жылғы өңірлер квоталары өзгерді.
# $region — өңірдің атауы, $people — квота.
ui-rules-changed-quota = { $region }: { $year } жылғы квота — { $people } адам.
ui-rules-changed-quota-unpublished = { $region }: { $year } жылғы квота әлі жарияланған жоқ.
ui-rules-changed-regions = Қоныс аударуға арналған өңірлер тізімі өзгерді.
ui-rules-changed-stages = Өтініш кезеңдерінің әдеттегі мерзімдері өзгерді.
ui-rules-changed-scoring = Ұпай кестесі немесе өту ұпайы өзгерді.
ui-rules-changed-contract = Әлеуметтік келісімшарттың ережелері өзгерді.
ui-rules-changed-ok = Түсіндім
ui-support-title = Қолдау теңгемен
ui-support-intro = Қолдау АЕК-пен (айлық есептік көрсеткіш) белгіленеді. АЕК жыл сайын өзгереді, сондықтан теңгедегі сомалар да өзгереді.
# $year — жыл, $amount — сомасы сөзбен.
ui-support-year = { $year }: { $amount }
ui-support-not-published = { $year }: әлі жарияланған жоқ.
ui-support-last-published = { $year } жылы былай еді: { $amount }
ui-move-title = Сауалнаманың жаңа нұсқасы
ui-move-text = Жауаптарыңызды жаңа нұсқаға көшіруге болады. Былай болады:
ui-move-kept = { $count } жауап өзгеріссіз көшеді.
# $question — жаңа нұсқадағы сұрақтың атауы.
ui-move-renamed = Атауы жаңа сұраққа көшеді: { $question }
ui-move-left-title = Мына жауаптар көшпейді:
ui-move-left-gone = Бұл сұрақ енді қойылмайды.
# $problem — жауаптың не қатесі бар екені.
ui-move-left-invalid = Бұл жауап жаңа ережелерге сәйкес келмейді: { $problem }
ui-move-old-expired = Ескі нұсқа енді қабылданбайды. Сауалнаманы жіберу үшін жауаптарыңызды көшіріңіз.
ui-move-button = Жауаптарымды көшіру
ui-moved-title = Көшпеген жауаптар
ui-moved-text = Жауаптарыңыз енді сауалнаманың жаңа нұсқасында. Мына жауаптар көшпеді. Керек болса, жазып алыңыз.
ui-moved-dismiss = Оқыдым
ui-form-version-missing = Бұл телефонда жауаптарыңыз тұрған сауалнама нұсқасы әлі жоқ. Интернетке қосылыңыз, Kosh оны алады.

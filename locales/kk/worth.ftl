# Drafted without a native speaker: needs review by a native Kazakh speaker.
# Қазақша (кирилл): әр жол бұл отбасына не береді (issue 12), шарт экранында: квота бойынша
# жылдық көмек теңгемен (немесе жылдың АЕК-і жарияланбаса, АЕК-пен) және жалпы негіздер
# орнына не талап етеді. Сомалар дайын пішінде келеді ($amount, $min, $max).
# Латын және араб жазуы осы файлдан автоматты түрде жасалады: мұнда тек кирилмен жазамыз.

ui-worth-title = { $year } жылы квота отбасыңызға не береді
ui-worth-family = Жауаптарыңыз бойынша көшетін отбасы мүшелері: { $members }
ui-worth-band = { $min } бастап { $max } дейін
ui-worth-up-to = { $max } дейін
ui-worth-mci = { $mci } АЕК
ui-worth-monthly = айына { $amount }, { $months } ай
ui-worth-per-member = әр мүшеге { $mci } АЕК (мүшелер: { $members })
ui-worth-total = Барлығы: { $amount }
ui-worth-mci-value = { $year } жылы 1 АЕК = { $amount }
ui-worth-mci-not-published = { $year } жылғы АЕК әлі жарияланған жоқ, сондықтан сомалар тек АЕК-пен.
ui-worth-band-note = Бұл аралық: оның ішінде соманың қалай таңдалатыны жарияланбаған.
ui-worth-source = Дереккөз: { $source }
ui-worth-general-title = Жалпы негіздер орнына не талап етеді
ui-worth-means-funds-kzt = Қаражат: { $amount } ({ $year } жылы { $mci } АЕК)
ui-worth-means-funds = Қаражат: { $mci } АЕК ({ $year } жылғы АЕК әлі жарияланған жоқ)
ui-worth-means-housing = Және { $m2 } м² тұрғын үйге ақша: { $age } жастан асқан әр мүшеге { $per } м² (есептелгені: { $count }). Бір м² бағасы дереккөздерде көрсетілмеген.
ui-worth-means-housing-each = Және { $age } жастан асқан әр отбасы мүшесіне { $per } м² тұрғын үйге ақша. Бір м² бағасы дереккөздерде көрсетілмеген.
ui-worth-means-age-unknown = Жауаптарда туған күні жоқ мүшелер: { $count }. Оларды есептеу үшін туған күнін енгізіңіз.
ui-worth-means-exempt = Жауаптарыңыз бойынша сіз этникалық қазақсыз: бұл қаражатты көрсетудің қажеті жоқ.
ui-worth-means-applies = Жауаптарыңыз бойынша сіз этникалық қазақ емессіз: бұл қаражатты көрсету керек.
ui-worth-source-means = Халықтың көші-қоны туралы заң, 23-бап; egov.kz порталындағы ІІМ қағидалары

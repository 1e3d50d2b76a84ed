# Drafted without a native speaker: needs review by a native Kazakh speaker.
# Қазақша (кирилл): құжаттар тізімінің экраны (жауаптар талап ететін құжаттар, белгілерімен) және
# өзіңізбен алып жүретін жиынтық (жауаптар, құжаттар және өзін-өзі тексеру, қазақ және орыс
# тілдерінде басылады). Латын және араб жазуы осы файлдан автоматты түрде жасалады.

## Құжаттар тізімі

checklist-title = Қандай құжаттар алу керек
checklist-intro = Бұл тізім сіздің жауаптарыңыздан шығады. Құжат дайын болғанда белгілеңіз.
checklist-missing = Дайын емес: { $total } құжаттың { $missing }
checklist-all-ready = Тізімдегі барлық құжат дайын.
checklist-for-you = Сіз
checklist-for-family = Бүкіл отбасы, бір рет
checklist-member = { $relation }: { $name }
checklist-member-unnamed = Отбасы мүшесі { $number }
checklist-path = Не үшін керек: { $path }
checklist-where = Қайда тапсырылады: { $place }
checklist-uncertain = Бұл заңмен бекітілмеген: сапарға дейін мекемеден сұраңыз
checklist-issued-on = Берілген күні
checklist-usable-until = { $date } дейін тапсыруға болады
checklist-too-old-by-visit = Тапсыратын күні ол { $days } күннен асады: сол күнге жақынырақ жаңасын алыңыз
checklist-visit-title = Құжаттарды тапсыратын күн
checklist-visit-hint = Құжаттардың мерзімі осы күнмен тексеріледі. Ол тек осы телефонда сақталады.
checklist-open = Қандай құжаттар алу керек

## Өзіңізбен алып жүретін жиынтық

summary-title = Өтініштің жиынтығы
summary-made-on = Жасалған күні: { $date }
summary-print = Басып шығару немесе PDF ретінде сақтау
summary-print-hint = Телефонда басып шығару терезесінде «PDF ретінде сақтау» тармағын таңдап, файлды жіберіңіз.
summary-share = PDF файл ретінде жіберу
summary-share-hint = Осы мазмұннан PDF файл жасайды: оны мессенджермен не электрондық поштамен жіберуге немесе басқа жерде басып шығаруға болады. Ол үшін байланыс пен тіркелгі керек.
summary-share-working = PDF файл жасалып жатыр…
summary-share-saved = kosh-summary.pdf файлы жүктелгендер қалтасында.
summary-share-offline = PDF файл жасау үшін байланыс керек. Басып шығару байланыссыз да жұмыс істейді.
summary-share-signed-out = PDF файл жасау үшін тіркелгі керек: «Баптаулар» бөлімінде кіріңіз.
summary-share-failed = PDF файл жасалмады. Қайталап көріңіз немесе басып шығарыңыз.
summary-answers = Жауаптар
summary-papers = Құжаттар
summary-paper-ready = дайын
summary-paper-missing = дайын емес
summary-score = Алдын ала өзін-өзі тексеру
summary-open = Басып шығаруға арналған жиынтық

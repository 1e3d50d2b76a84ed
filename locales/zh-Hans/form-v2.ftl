# Drafted without a native speaker: needs review by a native Chinese speaker.
# 简体中文：永久居留问卷第 2 版（issue 12）：真实问卷中有、第 1 版没有的问题，以及改动过的问题。

form-q-personal-passport_valid_until = 您的护照有效期到哪一天？
form-q-personal-passport_valid_until-hint = 护照上的日期。递交申请后护照还必须有效 180 天以上。
form-q-contacts-kz_place_of_stay = 您在哈萨克斯坦住在哪里？
form-q-contacts-kz_place_of_stay-hint = 城市、街道、楼号、房间号。最后的面谈在这个地方的警察局进行。
form-q-contacts-kz_place_of_stay-example = 巴甫洛达尔市洛莫夫街45号12室
form-opt-stay-refugee = 难民
form-q-citizenship-exit_consent = 您有本国同意您出境定居的书面许可吗？
form-q-citizenship-exit_consent-hint = 办理居留证需要它。难民和来自中国的哈萨克族不需要。
form-q-languages-english_certificate = 您有雅思（IELTS）或托福（TOEFL）证书吗？什么水平？
form-q-languages-english_certificate-hint = 英语只凭证书计分。雅思 4.0–5.0 为 B1，5.5–6.5 为 B2，7.0–8.0 为 C1，8.5–9.0 为 C2。托福成绩单上写有水平。
form-opt-english-none = 没有证书
form-q-languages-kaztest_date-hint = 只有持 KAZTEST 证书才能填写问卷。日期写在证书上。
form-opt-ethnicity_doc-stateless_certificate = 无国籍人士证件
form-opt-ethnicity_doc-commission_recommendation = 哈萨克民族问题委员会的推荐
validation-exit_consent_missing = 您会需要这份许可。递交申请前请向本国有关部门申请。

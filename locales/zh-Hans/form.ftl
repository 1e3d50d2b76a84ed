# Drafted without a native speaker: needs review by a native Chinese speaker.
# 本文件不是由母语者撰写的：发布前需要请中文母语者审校。
# 简体中文。residence-2026 问卷，第 1 版（shared/forms/residence-2026.v1.json）：
# 标题、部分、问题（form-q-…）、提示（…-hint）和选项（form-opt-…）。
# 键与俄语参考文件（ru/form.ftl）相同。问题要短，称呼用“您”。

form-residence-title = 哈萨克斯坦永久居留问卷

## 各部分

form-section-personal = 个人信息
form-section-contacts = 怎样联系您
form-section-citizenship = 国籍
form-section-family = 家庭
form-section-education = 学历
form-section-languages = 语言
form-section-work = 工作
form-section-military = 兵役
form-section-skills = 职业和技能
form-section-health = 健康
form-section-adaptability = 与哈萨克斯坦的联系
form-section-record = 犯罪记录和驱逐出境
form-section-kandas = 回归同胞（kandas）

## 个人信息

form-q-personal-surname = 姓
form-q-personal-surname-hint = 和护照上写的一样。
form-q-personal-surname-example = 努尔兰乌勒
form-q-personal-given_names = 名
form-q-personal-given_names-example = 叶尔兰
form-q-personal-patronymic = 父称（如果有）
form-q-personal-patronymic-example = 努尔兰诺维奇
form-q-personal-birth_date = 出生日期
form-q-personal-sex = 性别
form-q-personal-birth_country = 出生国家
form-q-personal-citizenship = 国籍
form-q-personal-citizenship-hint = 您现在持有哪个国家的护照。
form-q-personal-is_ethnic_kazakh = 您是哈萨克族吗？
form-q-personal-is_ethnic_kazakh-hint = 如果选“是”，会出现回归同胞（kandas）的问题。
form-q-personal-marital_status = 婚姻状况

form-opt-sex-female = 女
form-opt-sex-male = 男

form-opt-marital-single = 未婚
form-opt-marital-married = 已婚
form-opt-marital-divorced = 离婚
form-opt-marital-widowed = 丧偶

## 怎样联系您

form-q-contacts-phone = 电话号码
form-q-contacts-phone-hint = 要带国家代码。例如：+998 90 123 45 67。
form-q-contacts-phone_has_messenger = 这个号码能用 WhatsApp 或 Telegram 吗？
form-q-contacts-email = 电子邮箱
form-q-contacts-address = 您现在的住址
form-q-contacts-address-hint = 城市、街道、楼号、房间号。
form-q-contacts-address-example = 伊宁市解放路12号45室

## 国籍

form-q-citizenship-has_second = 您有第二国籍吗？
form-q-citizenship-second_country = 第二国籍是哪个国家
form-q-citizenship-current_country = 您现在住在哪个国家？
form-q-citizenship-current_country-hint = 您大部分时间住的国家。
form-q-citizenship-current_status = 您在这个国家是什么身份？
form-q-citizenship-current_since = 您从哪一天开始住在这个国家？

form-opt-stay-citizen = 公民
form-opt-stay-permanent_resident = 有永久居留证
form-opt-stay-temporary_resident = 有临时居留许可
form-opt-stay-visitor = 访客（有签证或免签）

## 家庭

form-q-family-has_members = 有家人和您一起搬过来吗？
form-q-family-has_members-hint = 丈夫或妻子、孩子、父母、兄弟姐妹。
form-q-family-members = 家庭成员
form-q-family-members-hint = 每个人单独添加。
form-q-family-members-relation = 和您是什么关系
form-q-family-members-full_name = 姓名
form-q-family-members-full_name-example = 阿依格日木·叶尔兰克孜
form-q-family-members-birth_date = 出生日期
form-q-family-members-citizenship = 国籍
form-q-family-members-moves_with_me = 和您一起搬过来吗？

form-opt-relation-spouse = 丈夫或妻子
form-opt-relation-child = 孩子
form-opt-relation-parent = 父亲或母亲
form-opt-relation-sibling = 兄弟或姐妹

## 学历

form-q-education-level = 您的学历
form-q-education-field = 您学的是什么专业？
form-q-education-country = 您在哪个国家上的学？
form-q-education-year = 毕业年份
form-q-education-year-hint = 拿到最后一张文凭的年份。

form-opt-education-none = 没有上过学
form-opt-education-secondary = 中学
form-opt-education-vocational = 中专、技校或大专
form-opt-education-bachelor = 大学（本科）
form-opt-education-master = 硕士
form-opt-education-doctorate = 博士或副博士

form-opt-field-education = 教师、幼师
form-opt-field-health = 医疗
form-opt-field-engineering = 工程师、技术员
form-opt-field-it = 计算机、IT
form-opt-field-agriculture = 农业
form-opt-field-economics = 经济、会计
form-opt-field-law = 法律
form-opt-field-science = 科研
form-opt-field-arts = 艺术、文化
form-opt-field-services = 服务业
form-opt-field-other = 其他

## 语言

form-q-languages-kazakh = 您的哈萨克语怎么样？
form-q-languages-kazakh-hint = A1：会一些简单的词。C2：像母语一样。
form-q-languages-russian = 您的俄语怎么样？
form-q-languages-english = 您的英语怎么样？
form-q-languages-kaztest_taken = 您考过 KAZTEST 吗？
form-q-languages-kaztest_taken-hint = KAZTEST 是哈萨克语考试。没有它，问卷不会被审理。
form-q-languages-kaztest_date = 您是什么时候考的 KAZTEST？
form-q-languages-kaztest_listening = KAZTEST 听力成绩（百分比）
form-q-languages-kaztest_listening-hint = 0 到 100 之间的数字。证书上写着。
form-q-languages-kaztest_reading = KAZTEST 阅读成绩（百分比）
form-q-languages-kaztest_reading-hint = 0 到 100 之间的数字。证书上写着。

form-opt-level-none = 完全不会
form-opt-level-a1 = A1：入门
form-opt-level-a2 = A2：初级
form-opt-level-b1 = B1：中级
form-opt-level-b2 = B2：良好
form-opt-level-c1 = C1：很好
form-opt-level-c2 = C2：像母语一样

## 工作

form-q-work-current_status = 您现在做什么？
form-q-work-years_total = 您一共工作了几年？
form-q-work-years_total-hint = 把所有工作的年数加起来。不到一年就填 0。
form-q-work-history = 您在哪里工作过、学习过
form-q-work-history-hint = 从最近的一个开始填。
form-q-work-history-activity = 这是什么？
form-q-work-history-title = 职位或专业
form-q-work-history-title-hint = 例如：司机、护士、工程师。
form-q-work-history-title-example = 土木工程师
form-q-work-history-country = 国家
form-q-work-history-start = 开始日期
form-q-work-history-ongoing = 您现在还在那里吗？
form-q-work-history-end = 结束日期

form-opt-employment-employed = 给别人打工
form-opt-employment-self_employed = 自己干（个体户）
form-opt-employment-unemployed = 没有工作
form-opt-employment-student = 在上学
form-opt-employment-retired = 已退休

form-opt-activity-job = 工作
form-opt-activity-own_business = 自己的生意
form-opt-activity-study = 上学

## 兵役

form-q-military-served = 您当过兵吗？
form-q-military-country = 在哪个国家？
form-q-military-end_year = 哪一年退役的？

## 职业和技能

form-q-skills-profession_group = 您的职业
form-q-skills-in_demand = 您的职业在哈萨克斯坦紧缺职业名单上吗？
form-q-skills-in_demand-hint = 名单由劳动部批准。如果不知道，请选“否”。
form-q-skills-certificates = 您有职业方面的文凭或证书吗？
form-q-skills-certificates-hint = 例如：文凭、资格证、培训证书。
form-q-skills-driving_licence = 您有驾照吗？

form-opt-profession-health = 医疗
form-opt-profession-education = 教育
form-opt-profession-engineering = 工程师、技术员
form-opt-profession-it = 计算机、IT
form-opt-profession-agriculture = 农业
form-opt-profession-construction = 建筑
form-opt-profession-transport = 运输、司机
form-opt-profession-trade_services = 商业和服务
form-opt-profession-other = 其他
form-opt-profession-no_profession = 没有职业

## 健康

form-q-health-declaration = 您身体健康，能做体检吗？
form-q-health-declaration-hint = 办居留证需要健康证明。
form-q-health-has_disability = 您有残疾吗？
form-q-health-has_disability-hint = 这个回答不会降低分数。它是为了给您提供帮助。

## 与哈萨克斯坦的联系

form-q-adaptability-relatives_in_kz = 您在哈萨克斯坦有亲戚吗？
form-q-adaptability-relatives_degree = 他们是您的什么人？
form-q-adaptability-previous_stays = 您以前在哈萨克斯坦住过吗？
form-q-adaptability-previous_stays-hint = 工作、上学或居住超过一个月。
form-q-adaptability-previous_stay_months = 一共几个月？
form-q-adaptability-studied_in_kz = 您在哈萨克斯坦上过学吗？

form-opt-kin-parent = 父亲或母亲
form-opt-kin-child = 孩子
form-opt-kin-sibling = 兄弟或姐妹
form-opt-kin-other = 其他亲戚

## 犯罪记录和驱逐出境

form-q-record-convicted = 您被判过刑吗？
form-q-record-convicted-hint = 请如实回答。反正都会核查。
form-q-record-conviction_details = 是什么事？什么时候？
form-q-record-conviction_details-example = 2015年，交通违章，已交罚款
form-q-record-deported = 您被驱逐出境过吗？
form-q-record-deported-hint = 驱逐出境，就是被强制离开一个国家。
form-q-record-deported_from = 从哪个国家？
form-q-record-entry_ban = 您被禁止进入哈萨克斯坦过吗？

## 回归同胞（kandas）

form-q-kandas-origin_country = 您从哪个国家搬过来？
form-q-kandas-origin_country-hint = 您现在住的国家。
form-q-kandas-ethnicity_documents = 哪些文件能证明您是哈萨克族？
form-q-kandas-ethnicity_documents-hint = 有的都勾上。
form-q-kandas-has_status = 您已经有回归同胞（kandas）身份了吗？
form-q-kandas-has_status-hint = 这个身份可以在 migration.enbek.kz 网站、使馆或公共服务中心（ЦОН）办理。
form-q-kandas-join_quota = 您想按配额搬到某一个州吗？
form-q-kandas-join_quota-hint = 按配额搬迁，国家会给补助。但合同期内必须一直住在那个州。
form-q-kandas-preferred_region = 哪个州适合您？
form-q-kandas-preferred_region-hint = 只能选配额名单上的州。
form-q-kandas-take_support = 您想领取国家补助吗？
form-q-kandas-take_support-hint = 如果提前离开那个州，可能要退还全部补助。

form-opt-ethnicity_doc-identity_document = 写着“哈萨克族”的护照或身份证
form-opt-ethnicity_doc-birth_certificate = 出生证明
form-opt-ethnicity_doc-parents_documents = 父母的证件
form-opt-ethnicity_doc-archive_record = 档案馆的证明
form-opt-ethnicity_doc-none_yet = 还没有文件

# Drafted without a native speaker: needs review by a native Chinese speaker.
# 本文件不是由母语者撰写的：发布前需要请中文母语者审校。
# 简体中文。政策数据（shared/policy）中的名称：州、补助种类、申请阶段、阶段结果、评分项目；
# 规则的来源和说明。数字（金额、期限、分数）通过变量从政策数据传来：不写在文字里。
# 键与俄语参考文件（ru/policy.ftl）相同。

## 回归同胞安置的州：region-<id>

region-akmola = 阿克莫拉州
region-abai = 阿拜州
region-kostanay = 科斯塔奈州
region-pavlodar = 巴甫洛达尔州
region-atyrau = 阿特劳州
region-west_kazakhstan = 西哈萨克斯坦州
region-east_kazakhstan = 东哈萨克斯坦州
region-north_kazakhstan = 北哈萨克斯坦州
# $people 是一年的配额，$year 是年份。
region-quota = { $year } 年配额：{ $people } 人

## 国家给回归同胞的补助：support-<id>

support-relocation_subsidy = 搬迁补助
support-relocation_subsidy-hint = 一次性发放，家里每个人都有一份。
# $amount 是每人的金额。
support-relocation_subsidy-amount = 每位家庭成员 { $amount }，一次性
support-rent_utilities = 房租和水电费补助
support-rent_utilities-hint = 搬来以后的头几个月，每月发放。
# $min 和 $max 是每月的金额，$months 是月数。
support-rent_utilities-amount = 每月 { $min } 到 { $max }，共 { $months } 个月
support-employer_subsidy = 给雇主的补助
support-employer_subsidy-hint = 这笔钱发给雇用回归同胞的雇主，不发给家庭。
support-employer_subsidy-amount = 给雇主 { $amount }
support-housing_certificate = 住房券
support-housing_certificate-hint = 帮助买房。也叫“经济流动性证书”。
support-housing_certificate-amount = 最多 { $amount }
support-other = 其他补助

## 申请阶段：stage-<id>，以及这个阶段做什么

stage-submitted = 申请已提交
stage-submitted-hint = 您的问卷已发出。下一步，系统计算分数。
stage-language_test = 哈萨克语考试（KAZTEST）
stage-language_test-hint = 在线考试，A1 级：听力和阅读。每一部分都至少要 30%。最多可以考三次，要交费。考试在问卷之前：只有有了考试证书，问卷才会开放。
stage-scoring = 计算分数
# $points 是政策数据中的及格分。
stage-scoring-hint = 系统根据您的问卷计算分数。至少需要 { $points } 分。
stage-interagency_checks = 政府部门核查
stage-interagency_checks-hint = 政府部门核查您的信息。您不需要做什么。
stage-interview = 面谈
stage-interview-hint = 您会被请到居住地的警察局面谈。请带上护照。
stage-decision = 决定
stage-decision-hint = 会通知您申请的决定。
stage-residence_permit = 居留证
stage-residence_permit-hint = 拿着预审证书，到公共服务中心申请居留证。

## 阶段结果：outcome-<id>

outcome-pending = 等待结果
outcome-passed = 通过
outcome-failed = 未通过
outcome-approved = 已批准
outcome-refused = 被拒绝

## 评分项目：criterion-<id>，以及怎样能提高

criterion-age = 年龄
criterion-age-raise = 年龄无法改变。
criterion-education = 学历
criterion-education-raise = 有大专或大学文凭，分数更高。
criterion-language_kazakh = 哈萨克语
criterion-language_kazakh-raise = 学习哈萨克语：水平每高一级，分数就更高。
criterion-language_russian = 俄语
criterion-language_russian-raise = 俄语水平越高，分数越高。
criterion-language_english = 英语
criterion-language_english-raise = 英语只凭雅思（IELTS）或托福（TOEFL）证书计分：证书上的水平越高，分数越高。
criterion-work_experience = 工龄
criterion-work_experience-raise = 工作年数越多，分数越高。
criterion-professional_skills = 职业
criterion-professional_skills-raise = 职业在哈萨克斯坦紧缺职业名单上，分数更高。
criterion-adaptability = 与哈萨克斯坦的联系
criterion-adaptability-raise = 在哈萨克斯坦有亲戚、以前在这里住过、在这里上过学，分数更高。

## 说明

disclaimer-score = 这只是初步自我评估，不是决定。只有官方系统的结果才算数。
disclaimer-score-illustrative = 估计分数
# $years 是政策数据中的合同期限。
disclaimer-refund = 如果家庭不满 { $years } 年就离开该州，可能要退还已领取的全部补助。
disclaimer-refund-uncertain = 我们没有看到法律原文。不知道能不能只退一部分，哪些款项要算进去，有正当理由时能不能例外。也不知道期限是从签合同那天算，还是从到达那天算。我们按签合同那天算。
disclaimer-rent-band = 不知道在这个范围内具体金额怎么定。我们显示整个范围。
# $days 是整个办理过程的总期限。
disclaimer-stage-durations = 据报道，预审总共最多需要 { $days } 天。标为“我们的估计”的期限不是公布的数字。
disclaimer-general-grounds = 我们没有核查关于这种办法的法律。请向移民部门确认。
disclaimer-uncertain = 未经法律确认
disclaimer-not-official = Kosh 不是政府机构。申请由国家审理。

## 规则的来源

source-mci = 2025 年 12 月 8 日《共和国预算法》
source-quota = 2025 年 12 月 30 日关于 2026 年回归同胞配额的命令（mgorod.kz、baq.kz）
source-support = 劳动部的通报（zakon.kz）；NITEC；lada.kz
source-stages = 副总理 A. 巴拉耶娃，《2030 年前移民政策构想》；2026 年 1 月 30 日联合命令
source-refund = 副总理 A. 巴拉耶娃，2026 年 1 月 8 日（新华社、zakon.kz）；lada.kz：不满五年离开该州，要退还全部补助
source-general-grounds = 回归同胞补助的条件：只限按配额搬迁，并签订五年社会合同（劳动部，zakon.kz）
source-scoring = 2026 年 1 月 30 日联合命令（劳动部第 41 号、内务部第 60 号、数字发展部第 47 号）：评分项目和 400 分及格线

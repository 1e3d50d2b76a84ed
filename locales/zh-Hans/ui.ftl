# Drafted without a native speaker: needs review by a native Chinese speaker.
# 本文件不是由母语者撰写的：发布前需要请中文母语者审校。
# 简体中文。键和变量与俄语参考文件（ru/ui.ftl）相同。
# 句子要短，用日常用语，称呼用“您”。
# 中文没有单复数变化，所以不需要按数字选择（select）。

## 通用

ui-app-name = Kosh
ui-yes = 是
ui-no = 否
ui-next = 下一步
ui-back = 返回
ui-save = 保存
ui-cancel = 取消
ui-close = 关闭
ui-continue = 继续
ui-retry = 再试一次
ui-edit = 修改
ui-add = 添加
ui-remove = 删除
ui-done = 完成
ui-loading = 正在加载…
ui-choose = 请选择
ui-search = 搜索
ui-nothing-found = 没有找到。请换个词试试。
ui-required = 必填
ui-optional = 可以不填
ui-error-title = 出了点问题
ui-error-try-again = 出了点问题。请再试一次。

## 格式。应用程序在这里填入数字；词序和符号由语言决定。

# 年、月（1–12）、日：“2026年3月12日”。
ui-format-date = { $year }年{ $month }月{ $day }日
# 坚戈金额。$amount 已经带有千位分隔符。
ui-format-tenge = { $amount }{"\u00A0"}坚戈
# 千位分隔符：1,275,875。
ui-format-thousands-separator = ,

## 底部菜单

ui-nav-home = 首页
ui-nav-form = 问卷
ui-nav-status = 申请
ui-nav-contract = 合同
ui-nav-settings = 设置

## 第一次打开：选择语言

ui-language-title = 请选择语言
ui-language-hint = 以后可以在“设置”里更换语言。
ui-language-kazakh-script = 哈萨克语用哪种字母？
ui-language-script-cyrillic = 西里尔字母（Қазақша）
ui-language-script-latin = 拉丁字母（Qazaqşa）
ui-language-script-arabic = 阿拉伯字母（قازاقشا）
ui-language-unavailable = 无法加载这种语言。请连接网络后再试一次。

## 欢迎

ui-welcome-title = 欢迎
ui-welcome-text = Kosh 帮您填写在哈萨克斯坦永久居留的问卷。您可以看到申请办到了哪一步。
ui-welcome-offline = 不是一直都需要网络。您的回答保存在手机上。
ui-welcome-start = 开始填写问卷
ui-welcome-have-account = 我已经有账号了

## 注册和登录

ui-auth-register-title = 创建账号
ui-auth-register-text = 有了账号，您的回答也会保存在服务器上。换一部手机也能打开。
ui-auth-login-title = 登录
ui-auth-email = 电子邮箱
ui-auth-email-hint = 例如：aigul@mail.kz
ui-auth-password = 密码
ui-auth-password-hint = 至少 10 个字符。
ui-auth-password-show = 显示密码
ui-auth-password-hide = 隐藏密码
ui-auth-register-button = 创建账号
ui-auth-login-button = 登录
ui-auth-to-login = 已有账号？登录
ui-auth-to-register = 没有账号？创建一个
ui-auth-later = 以后再说，先填问卷
ui-auth-offline = 没有网络。现在可以先填问卷，以后再创建账号。
ui-auth-no-sms = 我们不发短信。不需要短信验证码。
ui-auth-working = 请稍候…

## 首页

ui-home-title = 首页
ui-home-application-title = 您的申请
ui-home-application-none = 您还没有提交申请。
# $stage 是阶段名称（stage-…），$outcome 是结果（outcome-…）。
ui-home-application-stage = 阶段：{ $stage }。{ $outcome }。
ui-home-application-open = 查看申请详情
ui-home-draft-title = 问卷
# 问卷已经填了几个部分。
ui-home-draft-progress = 共 { $total } 个部分，已填 { $done } 个
ui-home-draft-start = 开始填写问卷
ui-home-draft-continue = 继续填写问卷
ui-home-draft-complete = 所有部分都填好了。请检查后提交。
ui-home-draft-sent = 问卷已提交。
ui-home-contract-title = 回归同胞（kandas）合同
ui-home-contract-none = 如果您签了社会合同，请把它添加进来。我们会提醒您重要的日期。
ui-home-contract-add = 添加合同
ui-home-contract-days-left = 离合同结束还有 { $days } 天。
ui-home-contract-ended = 合同期已经结束。
ui-home-contract-open = 查看合同详情
ui-home-score-open = 查看初步分数

## 同步：顶部的一行字

ui-sync-saved-local = 已保存在这部手机上
ui-sync-syncing = 正在发送…
ui-sync-synced = 已保存到服务器
ui-sync-offline = 没有网络。回答已保存在手机上。
ui-sync-failed = 发送失败。我们会自动再试。
# $time 是日期和时间。
ui-sync-last = 上次发送：{ $time }
ui-sync-pending = 等待发送：{ $count } 处修改
ui-sync-changed-elsewhere = 已在另一台设备上修改
# 显示在回答被保留的手机上；后面是另一台设备的回答。
ui-sync-replaced-elsewhere = 另一台设备上的回答已被这里的回答替换
# $value 是这部手机上原来的回答。
ui-sync-your-value = 这部手机上原来是：{ $value }

## 问卷

ui-form-title = 问卷
# 第几部分，一共几部分。
ui-form-progress = 第 { $current } 部分，共 { $total } 部分
ui-form-next = 下一步
ui-form-back = 返回
ui-form-to-review = 检查回答
ui-form-saved = 已保存
ui-form-required = 必答问题
ui-form-example = 例如：{ $example }
# 日期分三格填写：日、月（按名称选择）、年。
ui-date-day = 日
ui-date-month = 月
ui-date-year = 年
ui-date-month-name =
    { $month ->
        [1] 一月
        [2] 二月
        [3] 三月
        [4] 四月
        [5] 五月
        [6] 六月
        [7] 七月
        [8] 八月
        [9] 九月
        [10] 十月
        [11] 十一月
       *[12] 十二月
    }
ui-form-choose = 请选择答案
ui-form-search-country = 查找国家
ui-form-search-region = 查找州
ui-form-date-day = 日
ui-form-date-month = 月
ui-form-date-year = 年
ui-form-repeat-add = 再添加一条
ui-form-repeat-remove = 删除这一条
# 列表中的序号：第 2 位家庭成员，第 3 份工作。
ui-form-repeat-item = 第 { $number } 条
ui-form-repeat-empty = 还没有添加任何内容。
ui-form-section-errors = 这一部分有 { $count } 个回答需要改正。
ui-form-updated = 问卷已更新。您的回答都保留了。有 { $count } 个回答不再需要。

## 检查和提交

ui-review-title = 检查您的回答
ui-review-intro = 请看一下您的回答。如果有不对的，请点“修改”。
ui-review-missing-title = 还没有填写
ui-review-missing-count = 还缺 { $count } 个回答
ui-review-go-to = 去填写
ui-review-all-done = 全部填好了，可以提交。
ui-review-no-answer = 没有回答
ui-review-submit = 提交问卷
ui-review-submit-confirm = 要提交问卷吗？提交以后就不能再修改回答了。
ui-review-submit-offline = 提交需要网络。您的回答已经保存。有网络时再提交。
ui-review-submit-need-account = 要提交问卷，请先登录或创建账号。
ui-review-submitting = 正在提交问卷…
ui-review-submitted = 问卷已提交。请在“申请”页面查看进度。

## 初步分数

ui-score-title = 初步自我评估
ui-score-total = 您的分数：{ $points } 分
ui-score-pass-mark = 至少需要 { $points } 分
ui-score-above = 已经高于及格分。
ui-score-below = 还差 { $missing } 分。
# 一项的分数：“满分 100，得 40 分”。
ui-score-criterion = 满分 { $max }，得 { $points } 分
ui-score-raise-title = 怎样能提高分数
ui-score-not-published = 官方评分表还没有公布。所以这里不显示分数，也不显示结果。下面是评分的项目和您的回答情况。
# The pass mark, a reported fact even while the points table is not published.
ui-score-pass-mark-fact = 及格线是 { $points } 分（据关于2026年1月30日联合命令的报道）。
# How the person's answers stand on one criterion, said without points.
ui-score-standing-helps = 有帮助
ui-score-standing-improve = 可以改进
ui-score-standing-unanswered = 还没有回答
ui-score-standing-none = 不加分

## 申请进度

ui-status-title = 您的申请
ui-status-none = 还没有申请。请先填写并提交问卷。
ui-status-submitted-on = 提交日期：{ $date }
ui-status-current = 当前
ui-status-done = 已完成
ui-status-waiting = 未开始
ui-status-usual-duration = 通常最多需要 { $days } 天
ui-status-usual-working-days =
    通常最多需要 { $days } 个工作日
ui-status-estimate = 我们的估计
ui-status-source-applicant = 这是您报告的，工作人员还没有确认。
ui-status-valid-for =
    证书有效期为 { $days } 天
ui-status-expected-by = 预计在 { $date } 之前
ui-status-overdue = 这个阶段比平时用的时间长。
ui-status-overdue-days = 比平时多用了 { $days } 天。
ui-status-overdue-hint = 这种情况是有的。如果很长时间没有消息，请联系移民部门。
ui-status-next-title = 接下来会怎样
ui-status-note = 备注：{ $note }
# $days 是整个办理过程的总期限（来自政策数据）。
ui-status-whole-procedure = 整个办理过程通常最多 { $days } 天。

## 回归同胞的合同

ui-contract-title = 社会合同
ui-contract-none = 还没有合同。如果您已经签了合同，请填写合同信息。
ui-contract-add = 添加合同
ui-contract-region = 州
ui-contract-settlement = 城市或村庄
ui-contract-signed-on = 签订日期
ui-contract-family-members = 合同上写的家庭人数
ui-contract-term = 期限：{ $years } 年
ui-contract-ends-on = 合同结束日期：{ $date }
ui-contract-days-left = 还剩 { $days } 天
ui-contract-days-served = 已在本州居住：{ $days } 天
ui-contract-ended = 五年已满。现在搬走不用付任何钱。
ui-contract-verified = 工作人员已核实
ui-contract-not-verified = 由您自己填写，工作人员还没有核实。
ui-contract-save = 保存合同

## 合同：已领取的补助

ui-contract-support-title = 已领取的补助
ui-contract-support-none = 还没有填写任何内容。
ui-contract-support-add = 添加一笔款项
ui-contract-support-kind = 补助类型
ui-contract-support-amount = 金额（坚戈）
ui-contract-support-date = 领取日期
ui-contract-support-total = 一共领取：{ $amount }

## 合同：“如果我们搬走会怎样？”

ui-whatif-title = 如果我们搬走会怎样？
ui-whatif-date = 搬走的日期
ui-whatif-check = 查看
# $date 是搬走的日期，$amount 是已领取的全部补助。
ui-whatif-risk-high = 如果您在 { $date } 离开本州，可能要退还已领取的全部补助：{ $amount }。
ui-whatif-risk-none = 如果您在 { $date } 离开本州，不需要退还任何钱。
ui-whatif-free-from = 从 { $date } 起搬走，不需要退钱。
ui-whatif-source = 来源：{ $basis }

## 另一条路：按一般条件办理

ui-general-title = 另一条路：按一般条件办理
ui-general-text = 不用回归同胞配额，也可以办理居留许可。
ui-general-no-quota = 不需要配额。
ui-general-no-support = 没有国家的资金补助。
ui-general-any-region = 可以住在任何一个州。
ui-general-screening = 这条途径也要经过预审。
ui-general-funds = 外国人需要证明有 { $mci } 个月计算指数（MCI）的资金，并为每位 { $age } 岁及以上的家庭成员准备够 { $m2 } 平方米住房的钱。
ui-general-funds-tenge = { $year } 年 { $mci } MCI = { $amount }。
ui-general-funds-exempt = 哈萨克族人不需要证明这些资金。
ui-general-compare-contract = 签社会合同
ui-general-compare-general = 按一般条件

## 设置

ui-settings-title = 设置
ui-settings-language = 语言
ui-settings-script = 哈萨克语字母
ui-settings-script-cyrillic = 西里尔字母
ui-settings-script-latin = 拉丁字母
ui-settings-text-size = 字体大小
ui-settings-text-normal = 正常
ui-settings-text-large = 大
ui-settings-text-largest = 特大
ui-settings-account = 账号
ui-settings-signed-in = 您已用 { $email } 登录
ui-settings-not-signed-in = 您还没有登录。回答只保存在这部手机上。
ui-settings-sign-in = 登录或创建账号
ui-settings-sync = 同步
ui-settings-sync-now = 立即发送
ui-settings-sign-out = 退出登录
ui-settings-sign-out-confirm = 要退出账号吗？还没发送的回答会留在这部手机上。
ui-settings-version = 版本 { $version }

## 每年变化的规则：来自服务器的政策包和问卷版本

# $date 是所显示规则有效的最后一天。
ui-rules-not-published = 今年的规则还没有公布。Kosh 显示的是有效到 { $date } 的规则。金额和名额可能会变。
ui-rules-not-received = 这部手机还没有收到今年的规则。Kosh 显示的是有效到 { $date } 的规则。请连接网络以获取新规则。
ui-rules-damaged = 这部手机上保存的规则已损坏。在连上网络之前，Kosh 使用应用自带的规则。您的回答是安全的。
ui-rules-changed-title = 规则有变化
# $year 是年份，$amount 是一个月计算指数（MCI）的坚戈金额。
ui-rules-changed-mci = { $year } 年的月计算指数（MCI）已公布：{ $amount }。{ $year } 年的补助金额按它计算。
# $name 是补助种类，$amount 是新的金额。
ui-rules-changed-support = { $name }。新金额：{ $amount }
ui-rules-changed-support-plain = { $name }：这项补助的规则有变化。
ui-rules-changed-support-removed = { $name }：规则中已没有这项补助。
ui-rules-changed-quotas = { $year } 年各地区的名额有变化。
# $region 是地区名称，$people 是名额。
ui-rules-changed-quota = { $region }：{ $year } 年的名额是 { $people } 人。
ui-rules-changed-quota-unpublished = { $region }：{ $year } 年的名额还没有公布。
ui-rules-changed-regions = 可以迁居的地区名单有变化。
ui-rules-changed-stages = 申请各阶段的通常时间有变化。
ui-rules-changed-scoring = 分数表或及格分有变化。
ui-rules-changed-contract = 社会合同的规则有变化。
ui-rules-changed-ok = 知道了
ui-support-title = 补助（坚戈）
ui-support-intro = 补助按月计算指数（MCI）确定。MCI 每年都变，所以坚戈金额也会变。
# $year 是年份，$amount 是金额。
ui-support-year = { $year }：{ $amount }
ui-support-not-published = { $year }：还没有公布。
ui-support-last-published = { $year } 年是：{ $amount }
ui-move-title = 问卷有新版本
ui-move-text = 您的回答可以转到新版本。会发生以下情况：
ui-move-kept = { $count } 个回答原样转过去。
# $question 是新版本中问题的名称。
ui-move-renamed = 转到改了名称的问题：{ $question }
ui-move-left-title = 这些回答不会转过去：
ui-move-left-gone = 这个问题不再问了。
# $problem 说明回答有什么问题。
ui-move-left-invalid = 这个回答不符合新规则：{ $problem }
ui-move-old-expired = 旧版本已不再接受。请把回答转到新版本，才能发送问卷。
ui-move-button = 转移我的回答
ui-moved-title = 没有转过去的回答
ui-moved-text = 您的回答现在在问卷的新版本中。这些回答没有转过去。如果需要，请把它们记下来。
ui-moved-dismiss = 我看过了
ui-form-version-missing = 这部手机上还没有您的回答所用的问卷版本。请连接网络，Kosh 会去获取。

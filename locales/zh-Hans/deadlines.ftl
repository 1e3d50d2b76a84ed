# Drafted without a native speaker: needs review by a native Chinese speaker.
# 简体中文：重要日期（issue 12）：KAZTEST 证书、筛查证书、回归同胞合同结束、超时的阶段，
# 以及手机自己生成的日历文件。$date 的格式为 日.月.年。

ui-deadlines-title = 重要日期
ui-deadlines-open = 重要日期
ui-deadlines-intro = 根据您的回答、申请和合同。把日期加入手机日历：它会提前 { $days } 天提醒您。
ui-deadlines-none = 还没有日期。填写 KAZTEST 日期、申请有进展或填写合同后，这里会显示日期。
ui-deadlines-kaztest = KAZTEST 证书：有效的最后一天
ui-deadlines-kaztest-from = 考试日期：{ $date }。
ui-deadlines-screening_certificate = 筛查证书：有效的最后一天
ui-deadlines-screening_certificate-from = { $date } 的决定。请在这一天之前到公共服务中心申请居留许可。
ui-deadlines-contract_end = 回归同胞（kandas）合同结束
ui-deadlines-contract_end-from = 签署日期：{ $date }。从这一天起，搬走不需要退还任何钱。
ui-deadlines-stage = { $stage }：通常在这一天之前完成
ui-deadlines-stage-from = 这个阶段开始于 { $date }。
ui-deadlines-late = 这个阶段比平时用的时间长。
ui-deadlines-past = 这一天已经过去了。
ui-deadlines-uncertain = 请向服务机构核实这个日期。
ui-deadlines-source = 来源：{ $source }
ui-deadlines-source-kaztest = KAZTEST 一般规则（orda.kz）；2026 年试点未确认
ui-deadlines-source-checks = acsour.kz，2026 年 5 月 18 日：20 个工作日内完成审查
ui-deadlines-add = 加入日历
ui-deadlines-add-all = 把所有日期加入日历
# 日历中的提醒：$what 是日期的名称。
ui-deadlines-reminder = { $what }：{ $date }
ui-deadlines-calendar-name = Kosh：重要日期
error-file = 无法在这部手机上保存日历文件。请再试一次。

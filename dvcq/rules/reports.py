"""The problems of a report's notes and of a report about to be issued (found by `rules/notes.py`).

`dvcq check` finds them in the notes files under `reports/`; `dvcq report` lists them before it
writes, with the command line's signer options and the plan's number (`documents/issue.py`).
"""

from dvcq.rules import ERROR, WARNING, declare

declare(
    "notes-period",
    ERROR,
    scope="notes",
    vi="Tên tệp ghi chú “{name}” không phải một kỳ báo cáo của kế hoạch năm {year}.",
    en="Notes file name “{name}” is not a reporting period of the {year} plan.",
    hint_vi="Đặt tên tệp theo kỳ của năm {year}: {year}.yaml, {year}-H1.yaml, {year}-Q2.yaml, "
    "{year}-05.yaml…; `dvcq report <KỲ>` chỉ đọc reports/<KỲ>.yaml.",
    hint_en="Name the file after a period of {year}: {year}.yaml, {year}-H1.yaml, {year}-Q2.yaml, "
    "{year}-05.yaml…; `dvcq report <PERIOD>` reads only reports/<PERIOD>.yaml.",
    doc_vi="Mỗi tệp trong reports/ là ghi chú của một kỳ báo cáo thuộc năm của kế hoạch; tệp đặt "
    "sai tên không bao giờ được báo cáo nào đọc.",
    doc_en="Each file in reports/ holds the notes of one reporting period of the plan's year; a "
    "misnamed file is never read by any report.",
)
declare(
    "notes-other-period",
    WARNING,
    scope="notes",
    vi="Tệp ghi chú “{name}” là của kỳ {notes_period}, không phải kỳ {period} của báo cáo này.",
    en="Notes file “{name}” is for period {notes_period}, not for period {period} of this report.",
    hint_vi="Dùng tệp ghi chú của kỳ {period} (reports/{period}.yaml), hoặc đổi tên tệp cho đúng kỳ.",
    hint_en="Use the notes of period {period} (reports/{period}.yaml), or rename the file for its "
    "period.",
    doc_vi="Lời văn, số và ngày trong tệp ghi chú của một kỳ không dùng cho báo cáo kỳ khác.",
    doc_en="The prose, number and day of one period's notes are not for another period's report.",
)
declare(
    "report-day-impossible",
    ERROR,
    scope="notes",
    vi="Ngày báo cáo không có thật: ngày {day} không có trong tháng {month}/{year}.",
    en="The report's date does not exist: day {day} is not in {month}/{year}.",
    hint_vi="Sửa `day` (tháng {month}/{year} có {last} ngày) hoặc bỏ dòng này để văn thư điền.",
    hint_en="Fix `day` ({month}/{year} has {last} days) or leave it out for the records office.",
    doc_vi="Ngày của báo cáo (day, month trong ghi chú) phải là một ngày có thật.",
    doc_en="The report's date (the notes' day and month) must be a real day.",
)
declare(
    "report-month-outside",
    WARNING,
    scope="notes",
    vi="Tháng {month} nằm ngoài kỳ báo cáo {period} (tháng {months}): báo cáo kỳ này được lập "
    "trong tháng {end_month} hoặc tháng sau đó.",
    en="Month {month} is outside the reach of period {period} (month {months}): its report is made "
    "in month {end_month} or the month after.",
    hint_vi="Sửa `month`, hoặc bỏ dòng này để dùng tháng {end_month} (tháng chốt số liệu).",
    hint_en="Fix `month`, or leave it out to use month {end_month} (the cut-off month).",
    doc_vi="Báo cáo định kỳ được lập sau ngày chốt số liệu của kỳ (Nghị định 09/2019): trong "
    "tháng chốt số liệu hoặc tháng sau đó.",
    doc_en="A periodic report is made after its data cut-off (Nghị định 09/2019): in the cut-off "
    "month or the month after.",
)
declare(
    "report-before-cutoff",
    WARNING,
    scope="notes",
    vi="Báo cáo ghi {date}, trước ngày chốt số liệu của kỳ {period} ({end}).",
    en="The report is dated {date}, before the data cut-off of period {period} ({end}).",
    hint_vi="Báo cáo được lập sau ngày chốt số liệu (Nghị định 09/2019): sửa `day`/`month`.",
    hint_en="A report is made after its cut-off (Nghị định 09/2019): fix `day`/`month`.",
    doc_vi="Ngày của báo cáo không được trước ngày chốt số liệu của kỳ (Nghị định 09/2019, "
    "Điều 12).",
    doc_en="A report cannot be dated before its period's data cut-off (Nghị định 09/2019, "
    "Điều 12).",
)
declare(
    "report-signer-authority",
    ERROR,
    scope="notes",
    vi="Thẩm quyền ký “{authority}” của báo cáo không bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.",
    en="The report's signing authority “{authority}” does not start with TM., KT., Q., TL. or TUQ.",
    hint_vi="Ví dụ: “KT. GIÁM ĐỐC” (cấp phó ký thay); nếu người đứng đầu ký trực tiếp thì để "
    'trống ("").',
    hint_en="For example “KT. GIÁM ĐỐC” (a deputy signs for the head); when the head signs in "
    'person, give it empty ("").',
    doc_vi="Người ký thay cho người ký của kế hoạch (ghi chú `signer:` hoặc --signer-authority) "
    "theo cùng quy tắc thẩm quyền ký của Nghị định 30/2020 như kế hoạch.",
    doc_en="A signer given instead of the plan's (notes `signer:` or --signer-authority) follows "
    "the same authority rule of Nghị định 30/2020 as the plan's.",
)
declare(
    "report-signer-blank",
    ERROR,
    scope="notes",
    vi="“{key}” của người ký báo cáo để trống: khối chữ ký sẽ in một dòng trắng.",
    en="The report signer's “{key}” is blank: the signature block would print an empty line.",
    hint_vi="Ghi chức vụ (title) và họ tên (name) người ký, hoặc bỏ dòng này để dùng người ký của "
    "kế hoạch.",
    hint_en="Give the signer's title and name, or leave the line out to use the plan's signer.",
    doc_vi="Người ký thay cho người ký của kế hoạch phải có chức vụ và họ tên, như người ký của kế "
    "hoạch (Nghị định 30/2020).",
    doc_en="A signer given instead of the plan's has a title and a name, as the plan's signer does "
    "(Nghị định 30/2020).",
)
declare(
    "report-plan-number",
    WARNING,
    scope="report",
    vi="Kế hoạch chưa có số (document.number) mà báo cáo trích dẫn nó: báo cáo sẽ ghi "
    "“{citation}” như một bản dự thảo.",
    en="The plan has no number yet (document.number) while the report cites it: the report will "
    "read “{citation}”, as a draft does.",
    hint_vi="Điền số văn thư đã cấp cho kế hoạch vào `document.number` trước khi ban hành báo cáo.",
    hint_en="Put the number the records office gave the plan in `document.number` before the "
    "report is issued.",
    doc_vi="Báo cáo trích dẫn kế hoạch bằng số và ký hiệu của nó; kế hoạch chưa có số thì báo cáo "
    "chưa ban hành được.",
    doc_en="A report cites its plan by number and symbol; while the plan has none, the report "
    "cannot be issued.",
)

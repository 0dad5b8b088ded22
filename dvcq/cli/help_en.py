"""The English of each option's help, keyed by its Vietnamese (the text the option declares).

An option declares its help in Vietnamese, the clerk's language; under `--lang en` the help
formatter (`parser_words.one_language`) shows the English here instead, as a message catalogue
does. `tests/test_help_language.py` fails when an option's help has no English here or in its own
text, so a changed Vietnamese help cannot lose its English unnoticed.
"""

HELP_EN: dict[str, str] = {
    "Tệp kế hoạch cần kiểm tra, như TỆP (lặp lại được: -p a.yaml -p b.yaml).": (
        "Plan file to check, like FILE (repeatable: -p a.yaml -p b.yaml)."
    ),
    "Dạng kết quả: text, json hoặc github.": "Output form: text, json or github.",
    "Coi cảnh báo cũng là lỗi.": "Treat warnings as errors too.",
    "Thư mục tiến độ (mặc định: progress/ cạnh thư mục plans/).": (
        "Progress folder (default: progress/ beside the plans/ folder)."
    ),
    "Tính đến ngày (dd/mm/yyyy hoặc YYYY-MM-DD); mặc định hôm nay.": (
        "Count up to this day (dd/mm/yyyy or YYYY-MM-DD); default today."
    ),
    "Ngôn ngữ thông báo: vi (mặc định) hoặc en. Biến môi trường DVCQ_LANG.": (
        "Language of messages: vi (default) or en. Environment variable DVCQ_LANG."
    ),
    "Hiện traceback khi có lỗi nội bộ (dành cho lập trình viên); cũng bật bằng DVCQ_DEBUG=1.": (
        "Show the traceback of an internal error (for developers); DVCQ_DEBUG=1 does the same."
    ),
    "Tệp kế hoạch (mặc định: tệp duy nhất trong plans/).": (
        "Plan file (default: the only file in plans/)."
    ),
    "Dạng hiển thị: text hoặc json.": "Display form: text or json.",
    "Dạng kết quả: text hoặc json.": "Output form: text or json.",
    "Kỳ: 2026, 2026-H1, 2026-Q2, 2026-05 (mặc định: cả năm của kế hoạch).": (
        "Period: 2026, 2026-H1, 2026-Q2, 2026-05 (default: the plan's whole year)."
    ),
    "Chỉ nhiệm vụ và mục của đơn vị này (cả nhiệm vụ của nhóm có nó; một nhóm: cả mục của các đơn vị thành viên).": (
        "Only this unit's tasks and entries (with the tasks of a group it belongs to; a group: its member units' entries too)."
    ),
    "text hoặc json.": "text or json.",
    "Coi cảnh báo là lỗi: dừng với mã 1, không in hay ghi gì, khi có mục tiến độ không được tính (và, với report, điều văn thư sẽ bắt lỗi: số kế hoạch trống, ngày báo cáo…).": (
        "Treat warnings as errors: stop with exit code 1, printing and writing nothing, when a progress entry is left out of the count (and, for report, what the records clerk would refuse: an empty plan number, the report's date…)."
    ),
    "Tệp kết quả (mặc định: bao-cao-<KỲ>.docx; với --format md: in ra màn hình).": (
        "Output file (default: bao-cao-<PERIOD>.docx; with --format md: printed on screen)."
    ),
    "docx (văn bản Word), pdf (qua LibreOffice) hoặc md (lời văn dạng Markdown).": (
        "docx (Word document), pdf (through LibreOffice) or md (the text as Markdown)."
    ),
    "Tệp ghi chú của kỳ: Kính gửi, số, ngày, ưu điểm, nguyên nhân, phương hướng, kiến nghị (mặc định: reports/<KỲ>.yaml cạnh thư mục plans/, nếu có).": (
        "The period's notes file: addressees, number, date, strengths, causes, directions, proposals (default: reports/<PERIOD>.yaml beside the plans/ folder, if there is one)."
    ),
    "Họ tên người ký (thay cho kế hoạch).": "The signer's full name (instead of the plan's).",
    "Chức vụ người ký, ví dụ PHÓ GIÁM ĐỐC.": "The signer's title, for example PHÓ GIÁM ĐỐC.",
    'Thẩm quyền ký, ví dụ KT. GIÁM ĐỐC ("" khi ký trực tiếp).': (
        'The signing authority, for example KT. GIÁM ĐỐC ("" when signing in one\'s own name).'
    ),
    "Báo cáo riêng của một đơn vị về các nhiệm vụ của đơn vị (đơn vị ban hành, gửi Lãnh đạo cơ quan; ghi chú: reports/<KỲ>-<ĐƠN VỊ>.yaml).": (
        "One unit's own report on its tasks (issued by the unit, to the agency's leaders; notes: reports/<PERIOD>-<UNIT>.yaml)."
    ),
    "Thư mục mẫu văn bản (mặc định: templates/).": "Templates folder (default: templates/).",
    "Ghi đè tệp kết quả nếu đã có.": "Overwrite the output file if it exists.",
    "Ghi kèm tệp .json thông tin văn bản đi (Phụ lục VI, Nghị định 30/2020): tên loại, số và ký hiệu, ngày, cơ quan ban hành, trích yếu, người ký, nơi nhận.": (
        "Also write a .json file of the outgoing document's details (Appendix VI, Decree 30/2020): type, number and symbol, date, issuer, subject, signer, recipients."
    ),
    "Tệp kết quả: .docx, .pdf, .md hoặc .txt (mặc định: don-doc-<KỲ>.docx; với --format md hoặc text: in ra màn hình).": (
        "Output file: .docx, .pdf, .md or .txt (default: don-doc-<PERIOD>.docx; with --format md or text: printed on screen)."
    ),
    "docx (công văn Word), pdf (qua LibreOffice), md (lời văn dạng Markdown) hoặc text (tin nhắn ngắn để dán vào nhóm Zalo).": (
        "docx (Word letter), pdf (through LibreOffice), md (the text as Markdown) or text (a short message to paste into a Zalo group)."
    ),
    "Hạn gửi báo cáo (dd/mm/yyyy hoặc YYYY-MM-DD); mặc định ngày chốt số liệu của kỳ.": (
        "The deadline for the reports (dd/mm/yyyy or YYYY-MM-DD); default the period's data cut-off"
        " day."
    ),
    "Mã đơn vị soạn thảo trong ký hiệu công văn, ví dụ VP (mặc định: lấy từ dòng “Lưu: VT, VP.” của kế hoạch).": (
        "The drafting unit's code in the letter's symbol, for example VP (default: taken from the plan's “Lưu: VT, VP.” line)."
    ),
    "Tệp Excel biểu mẫu (.xlsx).": "Excel form file (.xlsx).",
    "Chỉ biểu của đơn vị này; một nhóm đơn vị: mỗi đơn vị thành viên một trang (mặc định: mỗi đơn vị báo cáo một trang).": (
        "Only this unit's form; a group of units: one sheet per member unit (default: one sheet per reporting unit)."
    ),
    "Mã đơn vị (thành viên một nhóm nhận cả nhiệm vụ giao cho nhóm).": (
        "Unit code (a member of a group gets the group's tasks too)."
    ),
    "Dạng: text (màn hình), md (dán vào kế hoạch của đơn vị), xlsx (cần -o); mặc định theo đuôi tệp -o, không có -o thì text.": (
        "Form: text (screen), md (to paste into the unit's own plan), xlsx (needs -o); default by the suffix of -o, text without -o."
    ),
    "Ghi ra tệp (.md, .txt, .xlsx).": "Write to a file (.md, .txt, .xlsx).",
    "Dạng kết quả: text, md (dán vào pull request), json.": (
        "Output form: text, md (to paste into a pull request), json."
    ),
    "Trả mã thoát 1 khi có thay đổi (như git diff).": (
        "Exit with code 1 when there are changes (like git diff)."
    ),
    "In tệp kế hoạch thành từng dòng “mã: giá trị” cho git (diff.dvcq.textconv).": (
        "Print the plan file as “id: value” lines for git (diff.dvcq.textconv)."
    ),
    "Ghi plan.schema.json và progress.schema.json vào thư mục này (ghi đè).": (
        "Write plan.schema.json and progress.schema.json into this folder (overwriting)."
    ),
    "Tên cơ quan ban hành, ví dụ “Sở Ngoại vụ”, “Ủy ban nhân dân xã Tân Lập”.": (
        "Name of the issuing body, for example “Sở Ngoại vụ”, “Ủy ban nhân dân xã Tân Lập”."
    ),
    "Chữ viết tắt của cơ quan trong ký hiệu, ví dụ SNgV.": (
        "The body's abbreviation in document symbols, for example SNgV."
    ),
    "Năm của kế hoạch, ví dụ 2027.": "The plan's year, for example 2027.",
    "Cơ quan cấp trên: với sở, ban, ngành là cơ quan chủ quản in ở đầu văn bản (bắt buộc), ví dụ “Ủy ban nhân dân tỉnh Cao Bằng”; với UBND là nơi nhận báo cáo (không bắt buộc), ví dụ “Ủy ban nhân dân huyện Ba Bể”.": (
        "The superior body: for a department, the managing body printed at the top of the document (required), for example “Ủy ban nhân dân tỉnh Cao Bằng”; for a People's Committee, where its reports go (optional), for example “Ủy ban nhân dân huyện Ba Bể”."
    ),
    "Loại cơ quan ban hành: so (sở, ban, ngành; mặc định), ubnd-tinh (UBND tỉnh, thành phố), ubnd-huyen (UBND huyện, quận, thị xã), ubnd-xa (UBND xã, phường, thị trấn). Không ghi thì dvcq đoán theo tên trong --agency (“Ủy ban nhân dân xã …” là ubnd-xa) và, trong terminal, hỏi.": (
        "Kind of issuing body: so (department, board or sector; the default), ubnd-tinh (provincial People's Committee), ubnd-huyen (district), ubnd-xa (commune, ward or town). When left out, dvcq guesses it from the name in --agency (“Ủy ban nhân dân xã …” is ubnd-xa) and, in a terminal, asks."
    ),
    "Địa danh ghi trên văn bản (mặc định: sở lấy tên tỉnh trong --superior; UBND lấy tên trong --agency, ví dụ “Tân Lập”).": (
        "The place name written on documents (default: a department takes the province in --superior; a People's Committee the name in --agency, for example “Tân Lập”)."
    ),
    "Ghi vào thư mục đã có tệp (ghi đè tệp trùng tên).": (
        "Write into a folder that already has files (overwriting files of the same name)."
    ),
    "Không ghi gì; liệt kê tệp cần định dạng lại (mã thoát 1).": (
        "Write nothing; list the files that need reformatting (exit code 1)."
    ),
    "Tệp kết quả: .docx (văn bản Word) hoặc .md (lời văn dạng Markdown).": (
        "Output file: .docx (Word document) or .md (the text as Markdown)."
    ),
    "Mã đơn vị báo cáo.": "Code of the reporting unit.",
    "Ngày thực hiện, dd/mm/yyyy hoặc YYYY-MM-DD (mặc định hôm nay).": (
        "The day the work was done, dd/mm/yyyy or YYYY-MM-DD (default today)."
    ),
    "Kết quả: đã làm được gì.": "The result: what was done.",
    "Số ký hiệu văn bản minh chứng, ví dụ 123/SNgV-VP (lặp lại được).": (
        "Symbol of an evidence document, for example 123/SNgV-VP (repeatable)."
    ),
    "Giá trị chỉ tiêu CHỈ_TIÊU=SỐ (lặp lại được).": (
        "An indicator's value INDICATOR=NUMBER (repeatable)."
    ),
    "Người ghi (mặc định: git config user.name).": (
        "Who records it (default: git config user.name)."
    ),
    "Mã mục cũ mà mục này đính chính.": "Id of the earlier entry this one corrects.",
    "Ghi ngay, không hỏi xác nhận.": "Write at once, without asking for confirmation.",
    "Vẫn ghi khi đã có một mục y hệt (cố ý ghi hai lần cùng một việc).": (
        "Write even when the same entry exists (recording the same work twice on purpose)."
    ),
    "Chỉ nhiệm vụ này.": "Only this task.",
    "Chỉ đơn vị này (một nhóm: cả các đơn vị thành viên).": (
        "Only this unit (a group: its member units too)."
    ),
    "Chỉ kỳ này: 2026, 2026-H1, 2026-Q2, 2026-05.": (
        "Only this period: 2026, 2026-H1, 2026-Q2, 2026-05."
    ),
    "Chỉ tình trạng này.": "Only this status.",
    "Cả các mục đã được đính chính.": "Also the entries that were corrected.",
    "text, json hoặc csv.": "text, json or csv.",
    "Chỉ liệt kê những mục sẽ ghi; không ghi gì.": (
        "Only list the entries that would be written; write nothing."
    ),
    "Ghi các dòng hợp lệ, liệt kê các dòng lỗi (mặc định: có dòng lỗi là không ghi gì).": (
        "Write the valid rows, list the rows in error (default: nothing is written when a row has an error)."
    ),
    "Chỉ nhận biểu mẫu của kỳ này (ví dụ 2026-H1).": (
        "Only accept forms of this period (for example 2026-H1)."
    ),
    "Tệp Excel kết quả (.xlsx).": "Excel output file (.xlsx).",
    "Kế hoạch năm nay (mặc định: plans/<năm> mới nhất).": (
        "This year's plan (default: the latest plans/<year>)."
    ),
    "Năm của kế hoạch mới (mặc định: năm sau năm của --plan).": (
        "Year of the new plan (default: the year after the --plan's)."
    ),
    "Ghi đè kế hoạch năm mới nếu đã có.": "Overwrite next year's plan if it exists.",
    "In số phiên bản.": "Print the version.",
    # arguments
    "Các tệp kế hoạch cần kiểm tra (mặc định: plans/*.yaml).": (
        "The plan files to check (default: plans/*.yaml)."
    ),
    "Tệp kế hoạch, như --plan (cách viết cũ).": "Plan file, as --plan (the older spelling).",
    "Kỳ báo cáo: 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12.": (
        "Reporting period: 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12."
    ),
    "Kỳ: 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12.": (
        "Period: 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12."
    ),
    "Không có: HEAD so với bản đang sửa; một phiên bản: REV so với bản đang sửa; hai phiên bản: REV_A so với REV_B; hoặc hai tệp: tệp A so với tệp B.": (
        "None: HEAD against the working copy; one revision: REV against the working copy; two revisions: REV_A against REV_B; or two files: file A against file B."
    ),
    "plan hoặc progress: in ra lược đồ đó (mặc định: plan).": (
        "plan or progress: print that schema (default: plan)."
    ),
    "Thư mục của kho mới (tạo nếu chưa có).": "The new repository's folder (created if missing).",
    "Tệp hoặc thư mục tiến độ (mặc định: progress/).": (
        "Progress files or folders (default: progress/)."
    ),
    "Mã nhiệm vụ (xem bằng `dvcq show`).": "Task id (see them with `dvcq show`).",
    "Biểu mẫu đã điền (.xlsx, do `dvcq form` tạo) hoặc tệp .csv các mục tiến độ.": (
        "Filled-in forms (.xlsx, made by `dvcq form`) or .csv files of progress entries."
    ),
}

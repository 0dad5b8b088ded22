"""Problems found while reading a file and matching it to the schema (reported by the reader)."""

from dvcq.rules import ERROR, declare, words

declare(
    "unreadable-file",
    ERROR,
    scope="file",
    vi="Không đọc được tệp: {reason}.",
    en="Cannot read the file: {reason}.",
    hint_vi="Kiểm tra lại đường dẫn; dvcq đọc tệp .yaml, không đọc thư mục.",
    hint_en="Check the path; dvcq reads .yaml files, not folders.",
    doc_vi="Tệp không tồn tại, là thư mục, hoặc không có quyền đọc.",
    doc_en="The path is missing, a folder, or not readable.",
)
declare(
    "not-regular-file",
    ERROR,
    scope="file",
    vi="Không đọc: đây không phải tệp thường mà là {kind}.",
    en="Not read: this is not a regular file but {kind}.",
    hint_vi="Đặt ở đây một tệp .yaml thật; dvcq không đọc ống dẫn (FIFO), thiết bị hay socket.",
    hint_en="Put a real .yaml file here; dvcq reads no pipe (FIFO), device or socket.",
    doc_vi="Chỉ đọc tệp thường: đọc từ ống dẫn, thiết bị (như /dev/zero) hay socket có thể làm "
    "chương trình treo hoặc cạn bộ nhớ, nên bị từ chối mà không mở.",
    doc_en="Only regular files are read: a pipe, a device (such as /dev/zero) or a socket could "
    "hang dvcq or exhaust its memory, so it is refused unopened.",
)
declare(
    "link-outside",
    ERROR,
    scope="file",
    vi="Không đọc: tệp là liên kết (symlink) trỏ ra ngoài kho, tới {target}.",
    en="Not read: the file is a link (symlink) pointing outside the repository, to {target}.",
    hint_vi="Thay liên kết bằng chính tệp, đặt trong kho (plans/, progress/, reports/).",
    hint_en="Replace the link with the file itself, inside the repository (plans/, progress/, "
    "reports/).",
    doc_vi="Chỉ đọc tệp nằm trong kho: liên kết (của tệp hay của thư mục trên đường dẫn) trỏ ra "
    "ngoài kho bị từ chối, nên tệp ngoài kho (như /proc/self/environ) không bao giờ được đọc hay "
    "trích ra; liên kết trỏ tới chỗ khác trong kho vẫn được đọc.",
    doc_en="Only files inside the repository are read: a link (of the file or of a folder on its "
    "path) that leads outside is refused, so nothing outside (such as /proc/self/environ) is ever "
    "read or quoted; a link to another place inside the repository is followed.",
)
declare(
    "bad-encoding",
    ERROR,
    scope="file",
    vi="Tệp không phải văn bản UTF-8 (có vẻ là {encoding}).",
    en="The file is not UTF-8 text (it looks like {encoding}).",
    hint_vi="Lưu lại tệp với bảng mã UTF-8 (trong trình soạn thảo: Save with Encoding → UTF-8).",
    hint_en="Save the file again as UTF-8 (in the editor: Save with Encoding → UTF-8).",
    doc_vi="Tệp phải là văn bản UTF-8 (có hoặc không có BOM); UTF-16, Windows-1258, tệp nhị phân "
    "đều bị từ chối.",
    doc_en="Files must be UTF-8 text (BOM allowed); UTF-16, Windows-1258 and binary files are refused.",
)
declare(
    "empty-file",
    ERROR,
    scope="file",
    vi="Tệp rỗng.",
    en="The file is empty.",
    hint_vi="Điền nội dung kế hoạch, hoặc xóa tệp nếu không dùng.",
    hint_en="Fill in the plan, or delete the file if it is not used.",
    doc_vi="Tệp không có nội dung YAML nào.",
    doc_en="The file holds no YAML at all.",
)
# The causes `yamlsyntax.cause` tells apart, each with its own words; a syntax error of no known
# cause keeps the rule's own words, with the parser's (English) reason quoted.
_YAML_CAUSES = {
    "tab": words(
        vi="Có ký tự Tab ở chỗ thụt lề: YAML chỉ thụt lề bằng dấu cách.",
        en="A tab character in the indentation: YAML indents with spaces only.",
        hint_vi="Xóa ký tự Tab và thụt lề bằng dấu cách (thẳng cột với các dòng cùng cấp); "
        "trong trình soạn thảo, bật “Insert spaces” (chèn dấu cách khi nhấn Tab).",
        hint_en="Delete the tab and indent with spaces (in line with the lines of the same "
        "level); in the editor, turn on “Insert spaces” for the Tab key.",
    ),
    "unclosed-quote": words(
        vi="Dấu mở ngoặc {quote} ở đây không có dấu đóng.",
        en="The opening quote {quote} here is never closed.",
        hint_vi="Thêm dấu {quote} ở cuối giá trị, trên cùng dòng; nếu trong câu có dấu ngoặc "
        "kép, dùng ngoặc kép cong “ ” bên trong, hoặc bỏ cả hai dấu {quote}.",
        hint_en="Add a closing {quote} at the end of the value, on the same line; if the text "
        "holds quotation marks, use curly ones “ ” inside, or remove both {quote}.",
    ),
    "text-after-quote": words(
        vi="Dấu ngoặc {quote} ở đây đóng giá trị mở ở dòng {open_line}, cột {open_col}; phần "
        "chữ sau nó bị thừa.",
        en="The {quote} here closes the value opened at line {open_line}, column {open_col}; "
        "the text after it is left over.",
        hint_vi="Trong câu có dấu {quote}: dùng ngoặc kép cong “ ” bên trong câu, hoặc đặt cả "
        "giá trị trong loại dấu kia (' … ' thay cho \" … \").",
        hint_en="The text holds a {quote}: use curly quotes “ ” inside it, or put the whole value "
        "in the other kind of quote (' … ' instead of \" … \").",
    ),
    "bad-escape": words(
        vi="“{escape}” trong giá trị đặt giữa ngoặc kép không phải mã thoát hợp lệ: trong "
        "ngoặc kép, dấu \\ mở đầu một mã thoát.",
        en="“{escape}” inside a double-quoted value is not a valid escape: inside double quotes "
        "a \\ starts an escape.",
        hint_vi="Viết \\\\ cho mỗi dấu \\, hoặc đặt giá trị trong dấu nháy đơn ' … ' (ở đó "
        "\\ là ký tự thường).",
        hint_en="Write \\\\ for each \\, or put the value in single quotes ' … ' (where "
        "\\ is an ordinary character).",
    ),
    "second-document": words(
        vi="Dòng “---” ở đây mở văn bản YAML thứ hai; tệp chỉ được có một.",
        en="The “---” line here starts a second YAML document; the file may hold only one.",
        hint_vi="Xóa dòng “---”; nếu đó là một đường kẻ trong nội dung, đặt nội dung trong "
        "ngoặc kép.",
        hint_en="Delete the “---” line; if it is a rule inside a text, put the text in quotes.",
    ),
    "colon-in-text": words(
        vi="Dấu hai chấm và dấu cách (“: ”) trong văn bản không có ngoặc kép: YAML hiểu đó là "
        "một khóa mới.",
        en="A colon and a space (“: ”) inside unquoted text: YAML takes it for a new key.",
        hint_vi='Đặt cả giá trị sau “{key}” trong dấu ngoặc kép, ví dụ {key} "Nội dung: …".',
        hint_en='Put the whole value after “{key}” in double quotes, e.g. {key} "Text: …".',
    ),
    "indentation": words(
        vi="Thụt lề không khớp: dòng này thụt {spaces} dấu cách, không thẳng cột với khóa cùng "
        "cấp nào ở trên (dòng {above} thụt {above_spaces}).",
        en="Indentation does not match: this line is indented {spaces} spaces, in line with no "
        "key of its level above (line {above} is indented {above_spaces}).",
        hint_vi="Thụt lề bằng dấu cách cho dòng này thẳng cột với các khóa cùng cấp (thường mỗi "
        "cấp thêm 2 dấu cách); phần nối tiếp một đoạn văn (sau | hoặc >) phải thụt vào sâu hơn "
        "khóa của nó.",
        hint_en="Indent this line with spaces in line with the keys of its level (usually 2 "
        "more spaces per level); the lines of a text block (after | or >) go deeper than its key.",
    ),
    "block-text-indent": words(
        vi="Dòng này không thụt vào, nên không thuộc đoạn văn mở bằng “|” hoặc “>” sau “{key}” ở "
        "dòng {above}.",
        en="This line is not indented, so it is not part of the text block opened with “|” or "
        "“>” after “{key}” at line {above}.",
        hint_vi="Thụt mọi dòng của đoạn văn vào sâu hơn “{key}” (thường thêm 2 dấu cách).",
        hint_en="Indent every line of the text block deeper than “{key}” (usually 2 more spaces).",
    ),
    "dash-after-key": words(
        vi="Dấu “- ” (mục danh sách) đứng sau khóa “{key}” trên cùng một dòng.",
        en="A “- ” (list item) follows the key “{key}” on the same line.",
        hint_vi="Xuống dòng sau “{key}” rồi viết mỗi mục “- …” thụt vào 2 dấu cách; nếu “-” là "
        "một phần của nội dung, đặt cả giá trị trong ngoặc kép.",
        hint_en="Break the line after “{key}” and write each item “- …” indented 2 spaces; if "
        "the “-” belongs to the text, put the whole value in quotes.",
    ),
    "missing-dash": words(
        vi="Dòng này nằm trong danh sách bắt đầu ở dòng {list_line} nhưng không bắt đầu bằng “- ”.",
        en="This line is inside the list that starts at line {list_line} but does not start "
        "with “- ”.",
        hint_vi="Mỗi mục của danh sách bắt đầu bằng “- ”, thẳng cột với dấu “-” ở dòng "
        "{list_line}; nếu dòng này thuộc mục ở trên, thụt vào thẳng cột với các khóa của mục đó.",
        hint_en="Each item of the list starts with “- ”, in line with the “-” at line "
        "{list_line}; if this line belongs to the item above, indent it in line with that "
        "item's keys.",
    ),
    "missing-colon": words(
        vi="Dòng này không có dấu hai chấm sau tên khóa.",
        en="This line has no colon after its key.",
        hint_vi="Viết “khóa: giá trị” (dấu hai chấm rồi một dấu cách); nếu dòng này nối tiếp nội "
        "dung dòng trên, thụt nó vào sâu hơn khóa của dòng trên.",
        hint_en="Write “key: value” (a colon, then a space); if this line continues the text of "
        "the line above, indent it deeper than that line's key.",
    ),
    "unclosed-bracket": words(
        vi="Dấu “{bracket}” mở ở đây không được đóng bằng “{close}”.",
        en="The “{bracket}” opened here is never closed with “{close}”.",
        hint_vi="Thêm “{close}” ở cuối, trên cùng dòng; nếu giá trị là văn bản bắt đầu bằng "
        "“{bracket}”, đặt cả giá trị trong ngoặc kép.",
        hint_en="Add “{close}” at the end, on the same line; if the value is a text starting "
        "with “{bracket}”, put the whole value in quotes.",
    ),
    "text-after-bracket": words(
        vi="Giá trị bắt đầu bằng “{bracket}” được YAML đọc như một danh sách hay một bảng, không "
        "phải văn bản; phần chữ sau dấu đóng bị thừa.",
        en="A value starting with “{bracket}” is read as a list or a mapping, not as text; the "
        "text after its closing bracket is left over.",
        hint_vi='Đặt cả giá trị trong ngoặc kép, ví dụ "[Văn phòng] chủ trì".',
        hint_en='Put the whole value in quotes, e.g. "[Office] leads".',
    ),
    "reserved-character": words(
        vi="Giá trị không được bắt đầu bằng ký tự “{char}” khi không có ngoặc kép (YAML dành "
        "nó cho việc khác).",
        en="A value may not start with “{char}” without quotes (YAML reserves it).",
        hint_vi='Đặt cả giá trị trong ngoặc kép, ví dụ "{char}…".',
        hint_en='Put the whole value in quotes, e.g. "{char}…".',
    ),
}

declare(
    "yaml-syntax",
    ERROR,
    scope="file",
    vi="Lỗi cú pháp YAML (bộ đọc YAML báo: {reason}).",
    en="YAML syntax error: {reason}.",
    hint_vi="Xem lại thụt lề (dùng dấu cách, không dùng Tab), dấu hai chấm và dấu ngoặc kép quanh "
    "vị trí này.",
    hint_en="Check indentation (spaces, not tabs), colons and quotes around this place.",
    doc_vi="Tệp không phải YAML hợp lệ. Các nguyên nhân thường gặp có lời và gợi ý riêng: Tab ở "
    "đầu dòng, thụt lề lệch, thiếu “- ” của một mục danh sách, dấu hai chấm trong văn bản không "
    "có ngoặc kép, dấu ngoặc chưa đóng, ký tự đặc biệt ở đầu giá trị.",
    doc_en="The file is not valid YAML. The common causes have their own words and hints: a tab "
    "in the indentation, indentation out of line, a list item without its “- ”, a colon inside "
    "unquoted text, an unclosed quote or bracket, a reserved character starting a value.",
    causes=_YAML_CAUSES,
)
declare(
    "yaml-alias",
    ERROR,
    scope="file",
    vi="Không dùng neo và bí danh YAML (&, *, <<) trong tệp kế hoạch.",
    en="YAML anchors and aliases (&, *, <<) are not used in plan files.",
    hint_vi="Viết đầy đủ giá trị tại chỗ để người duyệt đọc được ngay trên dòng đó.",
    hint_en="Write the value out in place, so a reviewer sees it on its own lines.",
    doc_vi="Bí danh làm tệp khó duyệt và có thể bị lợi dụng để làm treo chương trình.",
    doc_en="Aliases make files hard to review and can be abused to exhaust memory.",
)
declare(
    "yaml-too-deep",
    ERROR,
    scope="file",
    vi="Cấu trúc lồng nhau quá sâu (quá {limit} cấp).",
    en="Nesting is too deep (more than {limit} levels).",
    hint_vi="Kế hoạch chỉ cần vài cấp lồng nhau; kiểm tra lại tệp.",
    hint_en="A plan needs only a few levels; check the file.",
    doc_vi="Giới hạn độ sâu để tệp độc hại không làm treo chương trình.",
    doc_en="Depth is bounded so that a hostile file cannot exhaust the stack.",
)
declare(
    "yaml-too-large",
    ERROR,
    scope="file",
    vi="Tệp quá lớn để đọc an toàn (vượt giới hạn {limit}).",
    en="The file is too large to read safely (over the limit of {limit}).",
    hint_vi="Chia dữ liệu thành nhiều tệp nhỏ hơn.",
    hint_en="Split the data into smaller files.",
    doc_vi="Giới hạn kích thước để tệp độc hại không làm cạn bộ nhớ.",
    doc_en="Size is bounded so that a hostile file cannot exhaust memory.",
)
declare(
    "forbidden-tag",
    ERROR,
    scope="file",
    vi="Thẻ YAML {tag} không được phép.",
    en="The YAML tag {tag} is not allowed.",
    hint_vi="Bỏ thẻ này; tệp kế hoạch chỉ chứa văn bản, số, danh sách và bảng khóa–giá trị.",
    hint_en="Remove the tag; plan files hold only text, numbers, lists and mappings.",
    doc_vi="Các thẻ như !!python/object có thể chạy mã; dvcq không bao giờ thực thi chúng.",
    doc_en="Tags such as !!python/object could run code; dvcq never constructs them.",
)
declare(
    "duplicate-key",
    ERROR,
    scope="file",
    vi="Khóa “{key}” bị lặp (đã có ở dòng {first}).",
    en="Key “{key}” appears twice (first on line {first}).",
    hint_vi="Xóa hoặc gộp một trong hai dòng; YAML sẽ âm thầm bỏ mất một giá trị.",
    hint_en="Remove or merge one of them; YAML would silently drop one value.",
    doc_vi="Một khóa chỉ được xuất hiện một lần trong cùng một bảng.",
    doc_en="A key may appear only once in a mapping.",
)
declare(
    "unknown-key",
    ERROR,
    scope="file",
    vi="Khóa “{key}” không hợp lệ{where_text}.",
    en="Unknown key “{key}”{where_text}.",
    hint_vi="{suggestion_text}Các khóa hợp lệ: {known}.",
    hint_en="{suggestion_text}Valid keys: {known}.",
    doc_vi="Khóa viết sai chính tả sẽ bị bỏ qua một cách âm thầm, nên bị báo lỗi.",
    doc_en="A misspelt key would otherwise be ignored silently.",
)
declare(
    "missing-key",
    ERROR,
    scope="file",
    vi="Thiếu khóa bắt buộc “{key}”{where_text}.",
    en="Required key “{key}” is missing{where_text}.",
    hint_vi="Thêm dòng `{key}: …` vào đây.",
    hint_en="Add a line `{key}: …` here.",
    doc_vi="Một số khóa là bắt buộc (ví dụ: id và text của nhiệm vụ).",
    doc_en="Some keys are required (for example a task's id and text).",
)
declare(
    "wrong-type",
    ERROR,
    scope="file",
    vi="“{key}” phải là {expected}, nhưng ở đây là {got}.",
    en="“{key}” must be a {expected}, but here it is a {got}.",
    hint_vi="Sửa giá trị cho đúng kiểu; văn bản có dấu hai chấm thì đặt trong dấu ngoặc kép.",
    hint_en="Give a value of the right kind; quote text that contains a colon.",
    doc_vi="Mỗi khóa có một kiểu giá trị xác định (văn bản, số, danh sách, bảng).",
    doc_en="Each key takes one kind of value (text, number, list, mapping).",
)
declare(
    "invalid-value",
    ERROR,
    scope="file",
    vi="“{key}” không nhận giá trị “{value}”.",
    en="“{key}” does not take the value “{value}”.",
    hint_vi="Chọn một trong: {choices}.",
    hint_en="Choose one of: {choices}.",
    doc_vi="Một số khóa chỉ nhận các giá trị trong danh sách cho trước.",
    doc_en="Some keys take only values from a fixed list.",
)
declare(
    "number-too-large",
    ERROR,
    scope="file",
    vi="Số “{number}” quá lớn (dvcq chỉ đọc số nhỏ hơn 10^15, tức một triệu tỷ).",
    en="The number “{number}” is too large (dvcq reads numbers below 10^15, a million billion).",
    hint_vi="Kiểm tra lại giá trị; nếu đây là mã hay ký hiệu chứ không phải số, đặt nó trong dấu "
    "ngoặc kép.",
    hint_en="Check the value; if it is a code or a symbol rather than a number, put it in quotes.",
    doc_vi="Số trong tệp được giới hạn (nhỏ hơn 10^15) để một số khổng lồ không làm tràn phép "
    "tính, tổng chỉ tiêu hay việc in số ra.",
    doc_en="Numbers are bounded (below 10^15) so that a huge value cannot overflow arithmetic, "
    "indicator totals or printing.",
)
declare(
    "invalid-escape",
    ERROR,
    scope="file",
    vi="Mã thoát “{escape}” không cho ra một ký tự Unicode hợp lệ (nửa cặp surrogate đứng riêng, "
    "hoặc ngoài bảng mã).",
    en="The escape “{escape}” does not give a valid Unicode character (a lone surrogate half, or "
    "beyond Unicode).",
    hint_vi="Viết thẳng ký tự cần dùng thay cho mã thoát \\u…; YAML không ghép hai nửa surrogate "
    "thành một ký tự.",
    hint_en="Write the character itself instead of a \\u… escape; YAML does not join two surrogate "
    "halves into one character.",
    doc_vi="Văn bản phải ghi được bằng UTF-8: mã thoát \\uD800–\\uDFFF (nửa cặp surrogate) không "
    "phải ký tự và sẽ làm hỏng mọi tệp, mọi màn hình in nó ra.",
    doc_en="Text must be writable as UTF-8: the escapes \\uD800–\\uDFFF (surrogate halves) are not "
    "characters and would break every file and screen they were written to.",
)

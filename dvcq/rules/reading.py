"""Problems found while reading a file and matching it to the schema (reported by the reader)."""

from dvcq.rules import ERROR, declare

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
declare(
    "yaml-syntax",
    ERROR,
    scope="file",
    vi="Lỗi cú pháp YAML: {reason}.",
    en="YAML syntax error: {reason}.",
    hint_vi="Xem lại thụt lề (dùng dấu cách, không dùng Tab), dấu hai chấm và dấu ngoặc kép quanh "
    "vị trí này.",
    hint_en="Check indentation (spaces, not tabs), colons and quotes around this place.",
    doc_vi="Tệp không phải YAML hợp lệ.",
    doc_en="The file is not valid YAML.",
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

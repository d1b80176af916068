"""Questions held out from the search words: what migrants ask, in their own
words and with their slips, written from the services' descriptions and the
help lines' own lists of what they handle before any search word was written
for them. Never tuned against: a miss here is a miss.

Each question names the records that answer it (a service or team by its
Korean name, a help line by its number); any one of them among the first
three results counts.
"""

# Help lines, by number.
VISA, DANURI, LABOUR, EPS, EMERGENCY = "1345", "1577-1366", "1350", "1577-0071", "1366"
# Services, by Korean name.
PLAN = "이주민 정책 기본계획 수립"
CENTRE = "외국인종합지원센터 구축"
GOVERNANCE = "포괄적 거버넌스 운영"
RIGHTS = "외국인인권지원센터 운영"
WORKPLACE = "이주노동자 행복일터 만들기"
REPORTERS = "외국인SNS기자단 운영"
TALENT = "외국인 우수인재 유치 지원"
STAY = "비자 개선 등 외국인 정주 유도"
DIVERSITY = "내외국민 문화다양성 이해교육"
FESTIVAL = "이민사회 문화소통 축제"
TRAINING = "공공기관 대상 이민사회 홍보교육"
KORYO = "이주민·고려인동포 정착지원"
ADAPT = "이주민 지역사회 적응지원"
FAMILY_CENTRES = "다문화가족지원센터 운영지원"
FAMILIES = "다문화가족 등 이주배경 가정 특성화사업"
MARRIAGE = "결혼이민자 지원"
CHILDREN = "다문화가족 등 이주 배경 자녀 지원"
SHELTER = "폭력피해이주여성 보호시설 운영지원"
COUNSELLING = "폭력피해이주여성 상담센터 운영"
# Teams.
WORKERS_TEAM = "이주노동권익 담당"
RESIDENCE_TEAM = "이민체류지원 담당"
INTEGRATION_TEAM = "이민사회통합 담당"

# What answers each kind of need.
PAY = (LABOUR, EPS, WORKPLACE)
DOCUMENTS = (VISA,)
EMPLOYER = (EPS, WORKPLACE, LABOUR)
INJURY = (LABOUR, EPS, WORKPLACE)
VIOLENCE = (EMERGENCY, SHELTER, COUNSELLING)
KOREAN_CLASSES = (ADAPT, FAMILY_CENTRES, MARRIAGE)
INTERPRETING = (DANURI, VISA, ADAPT)
DISCRIMINATION = (RIGHTS, WORKPLACE, CENTRE)
FESTIVALS = (FESTIVAL,)
SCHOOL = (CHILDREN,)
MULTICULTURAL = (FAMILY_CENTRES, FAMILIES, DANURI)

# (language, question, the records that answer it)
HELD_OUT = [
    ("ko", "외국인 등록증 재발급", DOCUMENTS),
    ("ko", "사장님이 월급을 안 줘요", PAY),
    ("ko", "회사를 옮기고 싶어요", EMPLOYER),
    ("ko", "공장에서 일하다가 다쳤어요", INJURY),
    ("ko", "남편이 때려요", VIOLENCE),
    ("ko", "한국어 수업은 어디서 들어요", KOREAN_CLASSES),
    ("ko", "다문화 축재", FESTIVALS),
    ("ko", "외국인 차별 신고", DISCRIMINATION),
    ("ko", "통역이 필요해요", INTERPRETING),
    ("ko", "체류자격을 바꾸려면", DOCUMENTS),
    ("ko", "아이 진로 상담", SCHOOL),
    ("ko", "이주여성 쉼터", (SHELTER,)),
    ("ko", "외국인 기자단 모집", (REPORTERS,)),
    ("ko", "다문화가족지원센타", (FAMILY_CENTRES,)),
    ("ko", "결혼이민자지윈", (MARRIAGE,)),
    ("ko", "이주노동자 담당 부서", (WORKERS_TEAM, WORKPLACE)),
    ("en", "my boss didnt pay my salary", PAY),
    ("en", "lost my alien registration card", DOCUMENTS),
    ("en", "how can I change my employer", EMPLOYER),
    ("en", "I got hurt at work", INJURY),
    ("en", "my husband hits me", VIOLENCE),
    ("en", "where can I take korean classes", KOREAN_CLASSES),
    ("en", "multicultural festivel", FESTIVALS),
    ("en", "discrimination at work", DISCRIMINATION),
    ("en", "I need an interpreter at the hospital", INTERPRETING),
    ("en", "visa extention", DOCUMENTS),
    ("en", "homework help for my kids", SCHOOL),
    ("en", "shelter for women", (SHELTER, EMERGENCY)),
    ("en", "ethnic koreans from uzbekistan", (KORYO,)),
    ("en", "human rigths", (RIGHTS,)),
    ("en", "residence permit", DOCUMENTS),
    ("en", "team for foreign residents' stay", (RESIDENCE_TEAM, VISA)),
    ("zh-hans", "老板不给工资怎么办", PAY),
    ("zh-hans", "外国人登录证丢了", DOCUMENTS),
    ("zh-hans", "想换工作单位", EMPLOYER),
    ("zh-hans", "上班的时候受伤了", INJURY),
    ("zh-hans", "丈夫打我", VIOLENCE),
    ("zh-hans", "韩语课程", KOREAN_CLASSES),
    ("zh-hans", "多元文化节", FESTIVALS),
    ("zh-hans", "受到歧视", DISCRIMINATION),
    ("zh-hans", "我需要翻译", INTERPRETING),
    ("zh-hans", "結婚移民", (MARRIAGE,)),
    ("zh-hans", "簽證延長", DOCUMENTS),
    ("zh-hans", "家庭暴力諮詢", VIOLENCE),
    ("zh-hans", "子女学习辅导", SCHOOL),
    ("zh-hans", "高丽人定居", (KORYO,)),
    ("vi", "chủ không trả lương", PAY),
    ("vi", "mất thẻ người nước ngoài", DOCUMENTS),
    ("vi", "đổi nơi làm việc", EMPLOYER),
    ("vi", "bị thương khi làm việc", INJURY),
    ("vi", "chồng đánh tôi", VIOLENCE),
    ("vi", "lớp học tiếng hàn", KOREAN_CLASSES),
    ("vi", "lễ hội văn hóa", FESTIVALS),
    ("vi", "bi phan biet doi xu", DISCRIMINATION),
    ("vi", "tôi cần người phiên dịch", INTERPRETING),
    ("vi", "gia han thi thuc", DOCUMENTS),
    ("vi", "con tôi học ở trường", SCHOOL),
    ("vi", "phụ nữ di cư bị bạo lực", VIOLENCE),
    ("vi", "gia đình đa văn hóa", MULTICULTURAL),
    ("ru", "работодатель не платит зарплату", PAY),
    ("ru", "потерял карту иностранца", DOCUMENTS),
    ("ru", "как сменить работодателя", EMPLOYER),
    ("ru", "травма на производстве", INJURY),
    ("ru", "муж бьёт меня", VIOLENCE),
    ("ru", "курсы корейского языка", KOREAN_CLASSES),
    ("ru", "фестивль культур", FESTIVALS),
    ("ru", "дискриминация", DISCRIMINATION),
    ("ru", "нужен переводчк", INTERPRETING),
    ("ru", "продлить визу", DOCUMENTS),
    ("ru", "корё сарам", (KORYO,)),
    ("ru", "приют для женщин", (SHELTER, EMERGENCY)),
    ("ru", "права человека", (RIGHTS,)),
    ("th", "นายจ้างไม่จ่ายเงินเดือน", PAY),
    ("th", "บัตรต่างด้าวหาย", DOCUMENTS),
    ("th", "อยากเปลี่ยนที่ทำงาน", EMPLOYER),
    ("th", "บาดเจ็บจากการทำงาน", INJURY),
    ("th", "สามีทำร้ายร่างกาย", VIOLENCE),
    ("th", "เรียนภาษาเกาหลีที่ไหน", KOREAN_CLASSES),
    ("th", "เทศกาลวัฒนธรรม", FESTIVALS),
    ("th", "ถูกเลือกปฏิบัติ", DISCRIMINATION),
    ("th", "ต้องการล่ามแปลภาษา", INTERPRETING),
    ("th", "ขยายวีซ่า", DOCUMENTS),
    ("th", "ลูกเรียนหนังสือ", SCHOOL),
    ("th", "บ้านพักผู้หญิงที่ถูกทำร้าย", VIOLENCE),
    ("km", "ថៅកែមិនបើកប្រាក់ខែ", PAY),
    ("km", "បាត់ប័ណ្ណស្នាក់នៅ", DOCUMENTS),
    ("km", "ប្តូរកន្លែងធ្វើការ", EMPLOYER),
    ("km", "របួសពេលធ្វើការ", INJURY),
    ("km", "ប្តីវាយខ្ញុំ", VIOLENCE),
    ("km", "ថ្នាក់រៀនភាសាកូរ៉េ", KOREAN_CLASSES),
    ("km", "ពិធីបុណ្យវប្បធម៌", FESTIVALS),
    ("km", "ការរើសអើង", DISCRIMINATION),
    ("km", "ត្រូវការអ្នកបកប្រែភាសា", INTERPRETING),
    ("km", "បន្តទិដ្ឋាការ", DOCUMENTS),
    ("km", "គ្រួសារពហុវប្បធម៌", MULTICULTURAL),
    ("km", "សិទ្ធិមនុស្ស", (RIGHTS,)),
    ("lo", "ນາຍຈ້າງບໍ່ຈ່າຍເງິນເດືອນ", PAY),
    ("lo", "ບັດຕ່າງດ້າວເສຍ", DOCUMENTS),
    ("lo", "ປ່ຽນບ່ອນເຮັດວຽກ", EMPLOYER),
    ("lo", "ບາດເຈັບຈາກການເຮັດວຽກ", INJURY),
    ("lo", "ຜົວຕີຂ້ອຍ", VIOLENCE),
    ("lo", "ຫ້ອງຮຽນພາສາເກົາຫຼີ", KOREAN_CLASSES),
    ("lo", "ງານບຸນວັດທະນະທຳ", FESTIVALS),
    ("lo", "ຖືກຈຳແນກ", DISCRIMINATION),
    ("lo", "ຕ້ອງການນາຍພາສາ", INTERPRETING),
    ("lo", "ຕໍ່ອາຍຸວີຊາ", DOCUMENTS),
    ("lo", "ຄອບຄົວຫຼາຍວັດທະນະທຳ", MULTICULTURAL),
    ("lo", "ສິດທິມະນຸດ", (RIGHTS,)),
    ("ne", "मालिकले तलब दिएन", PAY),
    ("ne", "विदेशी दर्ता कार्ड हरायो", DOCUMENTS),
    ("ne", "काम गर्ने ठाउँ परिवर्तन", EMPLOYER),
    ("ne", "काममा चोट लाग्यो", INJURY),
    ("ne", "श्रीमानले कुट्छ", VIOLENCE),
    ("ne", "कोरियाली भाषा कक्षा", KOREAN_CLASSES),
    ("ne", "सांस्कृतिक महोत्सव", FESTIVALS),
    ("ne", "भेदभाव", DISCRIMINATION),
    ("ne", "दोभासे चाहियो", INTERPRETING),
    ("ne", "भिसा थप", DOCUMENTS),
    ("ne", "बच्चाको पढाइ", SCHOOL),
    ("ne", "मानव अधिकार", (RIGHTS,)),
    ("uz", "ish beruvchi maosh bermayapti", PAY),
    ("uz", "chet el fuqarosi kartasini yo'qotdim", DOCUMENTS),
    ("uz", "ish joyini o'zgartirish", EMPLOYER),
    ("uz", "ishda jarohat oldim", INJURY),
    ("uz", "erim meni uradi", VIOLENCE),
    ("uz", "koreys tili kurslari", KOREAN_CLASSES),
    ("uz", "madaniyat festivali", FESTIVALS),
    ("uz", "kamsitish", DISCRIMINATION),
    ("uz", "tarjimon kerak", INTERPRETING),
    ("uz", "vizani uzaytirish", DOCUMENTS),
    ("uz", "koryo saram", (KORYO,)),
    ("uz", "inson huquqlari", (RIGHTS,)),
    ("fil", "hindi binayaran ang sahod ko", PAY),
    ("fil", "nawala ang alien registration card ko", DOCUMENTS),
    ("fil", "gusto kong lumipat ng trabaho", EMPLOYER),
    ("fil", "naaksidente ako sa trabaho", INJURY),
    ("fil", "sinasaktan ako ng asawa ko", VIOLENCE),
    ("fil", "klase sa wikang Koreano", KOREAN_CLASSES),
    ("fil", "pista ng kultura", FESTIVALS),
    ("fil", "diskriminasyon sa trabaho", DISCRIMINATION),
    ("fil", "kailangan ko ng tagasalin", INTERPRETING),
    ("fil", "extension ng visa", DOCUMENTS),
    ("fil", "pag-aaral ng anak ko", SCHOOL),
    ("fil", "karapatang pantao", (RIGHTS,)),
    ("mn", "ажил олгогч цалин өгөхгүй байна", PAY),
    ("mn", "гадаадын иргэний үнэмлэх алдсан", DOCUMENTS),
    ("mn", "ажлын байр солих", EMPLOYER),
    ("mn", "ажил дээр гэмтсэн", INJURY),
    ("mn", "нөхөр намайг зодож байна", VIOLENCE),
    ("mn", "солонгос хэлний анги", KOREAN_CLASSES),
    ("mn", "соёлын наадам", FESTIVALS),
    ("mn", "ялгаварлан гадуурхалт", DISCRIMINATION),
    ("mn", "хэлмэрч хэрэгтэй", INTERPRETING),
    ("mn", "визний хугацаа сунгах", DOCUMENTS),
    ("mn", "олон соёлт гэр бүл", MULTICULTURAL),
    ("mn", "хүний эрх", (RIGHTS,)),
    ("ja", "給料が支払われない", PAY),
    ("ja", "在留カードをなくした", DOCUMENTS),
    ("ja", "職場を変えたい", EMPLOYER),
    ("ja", "仕事中にけがをした", INJURY),
    ("ja", "夫に殴られる", VIOLENCE),
    ("ja", "韓国語教室", KOREAN_CLASSES),
    ("ja", "多文化フェスティバル", FESTIVALS),
    ("ja", "差別を受けた", DISCRIMINATION),
    ("ja", "通訳が必要です", INTERPRETING),
    ("ja", "ビザの更新", DOCUMENTS),
    ("ja", "子どもの学習支援", SCHOOL),
    ("ja", "人権相談", (RIGHTS,)),
    ("ja", "国際結婚の移民", (MARRIAGE,)),
]

"""The benchmark's national directory: sectors, areas, commitments, teams,
numbers and services in bulk, each service named in all 13 languages (its
place as that language writes it and one of the seeded services' real
translations) or in Korean only."""

import json
import random
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

PLACES = (
    "경기도 수원시 성남시 의정부시 안양시 부천시 광명시 평택시 동두천시 안산시 고양시 "
    "과천시 구리시 남양주시 오산시 시흥시 군포시 의왕시 하남시 용인시 파주시 이천시 "
    "안성시 김포시 화성시 광주시 양주시 포천시 여주시 연천군 가평군 양평군"
).split()
TARGETS = (
    "청소년 어르신 장애인 영유아 다문화가족 외국인근로자 결혼이민자 한부모가족 "
    "소상공인 농업인 청년 중장년 여성 아동 임산부 보훈대상자 저소득층 1인가구 "
    "북한이탈주민 고려인동포"
).split()
TOPICS = (
    "주거 일자리 창업 돌봄 보육 건강검진 치매 정신건강 교통 안전 환경 에너지 "
    "문화예술 체육 관광 평생교육 한국어교육 통역 법률 인권 노동 금융 복지 급식 "
    "방역 재난 상수도 하수도 도로 주차 공원 산림 축산 수산 식품 위생 세무 민원 "
    "정보화 마을공동체"
).split()
ACTIONS = (
    "지원 상담 교육 운영 안내 신청 접수 지원사업 바우처 센터 운영 서비스 "
    "프로그램 운영 실태조사 협의체 운영 홍보 박람회 축제 캠페인 장려금 지급 "
    "보조금 지원 시설 운영 인증 점검 컨설팅 쉼터 운영"
).split(" ")
DIVISION_WORDS = (
    "정책 기획 지원 협력 복지 건강 안전 관리 운영 교육 육성 진흥 보호 통합 "
    "서비스 일자리 주거 환경 교통 문화"
).split()
SECTORS = "이민사회 복지 보건 교통 환경 일자리 주거 문화관광 농업 안전".split()
# The places of PLACES as other languages write them: romanised (Ministry of
# Culture's 2000 romanisation, as the province's own English pages do) and, for
# Chinese and Japanese, in Chinese characters.
PLACES_LATIN = (
    "Gyeonggi-do Suwon-si Seongnam-si Uijeongbu-si Anyang-si Bucheon-si "
    "Gwangmyeong-si Pyeongtaek-si Dongducheon-si Ansan-si Goyang-si Gwacheon-si "
    "Guri-si Namyangju-si Osan-si Siheung-si Gunpo-si Uiwang-si Hanam-si "
    "Yongin-si Paju-si Icheon-si Anseong-si Gimpo-si Hwaseong-si Gwangju-si "
    "Yangju-si Pocheon-si Yeoju-si Yeoncheon-gun Gapyeong-gun Yangpyeong-gun"
).split()
PLACES_HANJA = (
    "京畿道 水原市 城南市 议政府市 安养市 富川市 光明市 平泽市 东豆川市 安山市 "
    "高阳市 果川市 九里市 南杨州市 乌山市 始兴市 军浦市 义王市 河南市 龙仁市 "
    "坡州市 利川市 安城市 金浦市 华城市 广州市 杨州市 抱川市 骊州市 涟川郡 "
    "加平郡 杨平郡"
).split()


# The teams' translated names draw their own numbers (``generate``).
TEAM_SEED = 20261206


def unique_names(rng, count, make):
    names = set()
    while len(names) < count:
        names.add(make())
    return sorted(names, key=lambda _: rng.random())


def translated_phrases(model="directory.service"):
    """Each seeded service's (or team's) name in each language but Korean:
    real translations, which synthetic names in other languages are made of."""

    from django.conf import settings

    rows = json.loads((BASE_DIR / "fixtures" / "directory.json").read_text("utf-8"))
    records = [row["fields"] for row in rows if row["model"] == model]
    fields = [
        "name_" + code.replace("-", "_")
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]
    return {field: [record[field] for record in records] for field in fields}


def team_names(position, rng, phrases):
    """A team's name in the 12 other languages: one of the seeded teams'
    translated names and its place in its sector (which keeps them apart)."""
    if not phrases:
        return {}
    pick = rng.randrange(len(next(iter(phrases.values()))))
    return {field: f"{names[pick]} {position}" for field, names in phrases.items()}


def translated_names(korean, position, rng, phrases):
    """The name of a service in the 12 other languages: its place as that
    language writes it and one of the seeded services' translated names, so
    that every language has as many names to index and to match as Korean."""
    if not phrases:
        return {}
    place = korean.split()[0]
    latin = PLACES_LATIN[PLACES.index(place)]
    hanja = PLACES_HANJA[PLACES.index(place)]
    pick = rng.randrange(len(next(iter(phrases.values()))))
    return {
        field: f"{hanja if field in ('name_zh_hans', 'name_ja') else latin} "
        # The position keeps the names of one area apart (they are unique).
        f"{names[pick]} {position}"
        for field, names in phrases.items()
    }


def generate(
    services_count, divisions_count, rng, korean_only=False, translated_teams=False
):
    """Sectors, areas, commitments, divisions, numbers and services, in bulk,
    each service named in all 13 languages (or in Korean only); with
    ``translated_teams``, each team too, as the seeded teams are."""
    from directory.models import Contact, Division, Service, ServicePhone
    from standards.models import Commitment, Pledge, PolicyArea, Sector

    phrases = {} if korean_only else translated_phrases()
    team_phrases = translated_phrases("directory.division") if translated_teams else {}
    # Their own random numbers: the rest of the data is the same either way.
    team_rng = random.Random(TEAM_SEED)

    sectors = Sector.objects.bulk_create(
        Sector(name=name, title=f"{name} 분야 행정서비스 이행표준", position=i)
        for i, name in enumerate(SECTORS, 1)
    )
    areas = PolicyArea.objects.bulk_create(
        PolicyArea(sector=sector, number=n, title=f"{rng.choice(TARGETS)} {topic} 증진")
        for sector in sectors
        for n, topic in enumerate(rng.sample(TOPICS, 10), 1)
    )
    commitments = Commitment.objects.bulk_create(
        Commitment(area=area, position=p, letter="가나다라마"[p - 1], title=title)
        for area in areas
        for p in range(1, 6)
        for title in [f"{rng.choice(TARGETS)} {rng.choice(TOPICS)} 서비스 제공"]
    )
    Pledge.objects.bulk_create(
        Pledge(
            commitment=c,
            number=n,
            text=f"{rng.choice(TARGETS)}의 {rng.choice(TOPICS)}을 위해 "
            f"{rng.choice(ACTIONS)}을 추진하겠습니다.",
        )
        for c in commitments
        for n in (1, 2)
    )
    per_sector = divisions_count // len(sectors)
    divisions = []
    for sector in sectors:
        names = unique_names(
            rng,
            per_sector,
            lambda: (
                "".join(rng.sample(DIVISION_WORDS, 2)) + rng.choice(TOPICS) + " 담당"
            ),
        )
        divisions += [
            Division(
                sector=sector,
                name=name,
                position=i,
                **team_names(i, team_rng, team_phrases),
            )
            for i, name in enumerate(names, 1)
        ]
    divisions = Division.objects.bulk_create(divisions, batch_size=5000)
    contacts = [
        Contact(
            number=f"031-{8000 + n // 10000}-{n % 10000:04d}",
            kind=Contact.Kind.FAX if n % 4 == 3 else Contact.Kind.PHONE,
        )
        for n in range(len(divisions) * 4)
    ]
    contacts = Contact.objects.bulk_create(contacts, batch_size=5000)
    by_sector = {}
    for i, division in enumerate(divisions):
        by_sector.setdefault(division.sector_id, []).append((division, i))
    per_area = services_count // len(areas)
    services, links = [], []
    for area in areas:
        names = unique_names(
            rng,
            per_area,
            lambda: (
                f"{rng.choice(PLACES)} {rng.choice(TARGETS)} "
                f"{rng.choice(TOPICS)} {rng.choice(ACTIONS)}"
            ),
        )
        for position, name in enumerate(names, 1):
            division, i = rng.choice(by_sector[area.sector_id])
            service = Service(
                area=area,
                division=division,
                name=name,
                position=position,
                fax=contacts[i * 4 + 3],
                **translated_names(name, position, rng, phrases),
            )
            services.append(service)
            phones = rng.sample(range(3), rng.choice((1, 1, 1, 2)))
            links += [
                (service, contacts[i * 4 + k], p) for p, k in enumerate(phones, 1)
            ]
    Service.objects.bulk_create(services, batch_size=5000)
    ServicePhone.objects.bulk_create(
        (ServicePhone(service=s, contact=c, position=p) for s, c, p in links),
        batch_size=5000,
    )
    return services, contacts

"""Reading a question as its content words: the filler words of each
language left out ("my", "how", "của", "我", Korean particles and endings),
and, in scripts written without spaces, the pieces a phrase shares with a
title (character n-grams).

Applied to what is typed only: the indexed texts keep every word, and the
query as typed is always tried first (``engine.parse_query``).
"""

import re
import unicodedata

from .text import _word_script as alphabet
from .text import is_hangul, search_key, split_words

# Whole words that say nothing of what is asked, in the languages written
# with spaces (keys: case-folded, without punctuation).
_STOP_WORDS = """
i me my mine we our us you your he she his her it its they them their a an the
to of in on at for with from by and or is are was were be been am do does did
didnt dont doesnt cant cannot can could how what where when who why which want
wants need needs help please get got have has had there this that these about
some any im ive should would will not no so if as
tôi của là có không cho được ở và với thì mà cần muốn ai gì đâu nào khi em anh
chị mình các những một này đó rồi ạ tại sao như thế
toi cua khong duoc voi dau nay roi
я мне меня мой моя мои моё у в на с по к о и не как что где когда почему нужен
нужна нужно надо хочу можно это для от за из мы вы он она они есть ли бы
men mening meni menga qanday qayerda qachon nima kerak uchun va bilan bu ham
ang ng mga sa ko ako akin aking ka mo siya kami tayo po na ay at para paano saan
kailan ano gusto kailangan may mayroon si ni kay nang lang din rin naman ba ito
би миний намайг надад минь та юу хаана яаж хэзээ хэрэгтэй байна байгаа болон ба
нь энэ тэр гэж вэ бэ уу үү
म मेरो मलाई मैले हामी को का की ले लाई मा र छ हो कहाँ कसरी कहिले के चाहियो
चाहिन्छ
어디 어디서 어디에서 어떻게 언제 무엇 뭐 왜 저 제 저는 제가 나 나는 내가 우리 좀
꼭 정말 너무 그리고 싶어요 싶습니다 싶다 있어요 있나요 없어요 주세요 하고 해요
필요해요 필요합니다 돼요 되나요 알려주세요 안 못 수
"""
STOP_WORDS = frozenset(search_key(word) for word in _STOP_WORDS.split())

# Filler inside text written without spaces: the text is cut where one
# stands (Chinese, Japanese, Thai, Lao, Khmer), longest first.
_FILLERS = """
怎么办 怎么 哪里 在哪 什么 的时候 时候 请问 需要 可以 我们 我 的 了 吗 呢 想 你 是
どこで どこ どうすれば どう ください ました ません です ます したい した たい られる
れる 私 わたし を が に は の で と へ も か
ที่ไหน อย่างไร ยังไง ได้ไหม ไหม ครับ ค่ะ คะ ดิฉัน ฉัน ผม ของ อยาก ต้องการ ช่วย หน่อย
ຢູ່ໃສ ແນວໃດ ຂ້ອຍ ຂອງ ບໍ ຕ້ອງການ ຢາກ ແດ່
នៅឯណា យ៉ាងដូចម្តេច ខ្ញុំ របស់ ត្រូវការ ចង់ ជួយ បាទ ចាស
"""
FILLERS = sorted({search_key(f) for f in _FILLERS.split()}, key=len, reverse=True)
_FILLER = re.compile("|".join(map(re.escape, FILLERS)))

# Particles and endings after a Korean word, longest first: 월급을 → 월급.
KOREAN_ENDINGS = sorted(
    """
    에서는 에서 에게 한테 으로 로 을 를 이 가 은 는 의 도 만 와 과 랑 이랑 하고
    했어요 했는데 해요 해야 하려면 하는 어요 아요 여요 워요 줘요 나요 까요 는데 려면
    으면 면 고 요 습니다 합니다 니다
    """.split(),
    key=len,
    reverse=True,
)
# Postpositions written onto a Nepali word: काममा → काम.
DEVANAGARI_ENDINGS = ("लाई", "बाट", "मा", "ले", "को", "का", "की")


def _trimmed(key):
    if key and all(map(is_hangul, key)):
        for ending in KOREAN_ENDINGS:
            # A word of two syllables keeps them: 아이 is a child, not 아 + 이.
            if key.endswith(ending) and len(key) - len(ending) >= 2:
                return key[: -len(ending)]
    if key and "\u0900" <= key[0] <= "\u097f":
        for ending in DEVANAGARI_ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= 2:
                return key[: -len(ending)]
    return key


def content_words(text):
    """The keys of a query's content words, fillers left out and Korean and
    Nepali endings trimmed; in scripts without spaces, the pieces between
    fillers; none if all were fillers (the query as typed is tried anyway)."""
    keys = [search_key(word) for word in split_words(text)]
    words = []
    for key in keys:
        if not key or key in STOP_WORDS or (alphabet(key) and len(key) < 3):
            continue
        if len(key) == 1 and is_hangul(key):
            # One syllable alone (안, 좀, 가) is in half the names.
            continue
        if unspaced(key):
            words += [piece for piece in _FILLER.split(key) if piece]
        else:
            words.append(_trimmed(key))
    return [word for word in dict.fromkeys(words) if word]


def unspaced(key):
    """Whether a key is in a script written without spaces between words."""
    return any(_char_script(ch) in ("han", "kana", "southeast") for ch in key)


def _char_script(ch):
    code = ord(ch)
    if 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF:
        return "han"
    if 0x3040 <= code <= 0x30FF:
        return "kana"
    if 0x0E00 <= code <= 0x0EFF or 0x1780 <= code <= 0x17FF:
        # Thai, Lao, Khmer.
        return "southeast"
    if is_hangul(ch):
        return "hangul"
    return ""


# At most this many pieces of a query: each is a test of every entry.
MAX_GRAMS = 12
MAX_KOREAN_GRAMS = 8


def ngrams(words):
    """The pieces by which words in scripts without spaces (and Korean
    compounds) are matched: pairs of characters of Chinese and Japanese,
    triples of Korean syllables and of the code points of Thai, Lao and
    Khmer (whose vowel signs are code points of their own)."""
    found = []
    for word in words:
        scripts = {_char_script(ch) for ch in word}
        if "hangul" in scripts and not scripts & {"han", "kana"}:
            # Syllable pairs (다문, 센터) recur in thousands of Korean names.
            size = 3
        elif scripts & {"han", "kana"}:
            size = 2
        elif "southeast" in scripts:
            size = 3
        else:
            continue
        word = unicodedata.normalize("NFC", word)
        found += [word[i : i + size] for i in range(len(word) - size + 1)]
    found = list(dict.fromkeys(found))
    most = MAX_KOREAN_GRAMS if all(map(is_hangul, "".join(found))) else MAX_GRAMS
    if len(found) > most:
        step = len(found) / most
        found = [found[int(i * step)] for i in range(most)]
    return found

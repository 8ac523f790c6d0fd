// Unicode normalisation, folding and legacy Vietnamese encodings, including the real TCVN3
// mojibake CSV from epix-project/communesVN against its decoded copy.
#include <catch2/catch.hpp>

#include <fstream>

#include "gis/data/text_encoding.hpp"
#include "tests/support/test_paths.hpp"

using namespace gis::data;

TEST_CASE("toNfc composes decomposed Vietnamese", "[text]") {
    CHECK(toNfc("Vie\xCC\xA3\xCC\x82t Nam") == "Việt Nam");  // e + dot below + circumflex
    CHECK(toNfc("Việt Nam") == "Việt Nam");
    CHECK(toNfc("") == "");
    const std::string invalid = "abc\xFF\xFE";
    CHECK(toNfc(invalid) == invalid);  // invalid UTF-8 untouched
}

TEST_CASE("normalizeForMatch and foldDiacritics", "[text]") {
    CHECK(normalizeForMatch("  Xã  Thành\tSơn ") == "xã thành sơn");
    CHECK(normalizeForMatch("XÃ THÀNH SƠN") == "xã thành sơn");
    CHECK(foldDiacritics("Xã Thành Sơn") == "xa thanh son");
    CHECK(foldDiacritics("Đắk Lắk") == "dak lak");
    CHECK(foldDiacritics("ĐỒNG THÁP") == "dong thap");
    CHECK(foldDiacritics("Hương Hoà") == foldDiacritics("Hương Hòa"));
    CHECK(normalizeForMatch("Hương Hoà") != normalizeForMatch("Hương Hòa"));  // tone placement is a real difference here
    CHECK(foldDiacritics("Thừa Thiên\xC2\xA0Huế") == "thua thien hue");  // no-break space
}

TEST_CASE("decodeText: CP1258, TCVN3, VNI, errors", "[text]") {
    // CP1258: "Việt Nam" = V i e 0xF2(dot below) ... CP1258 has ê (0xEA) and combining dot below (0xF2)
    auto cp = decodeText("Vi\xEA\xF2t Nam", "CP1258");
    REQUIRE(cp.ok());
    CHECK(*cp == "Việt Nam");
    auto tcvn = decodeText("Ch\xA9u \xA7\xE8\x63", "TCVN3");
    REQUIRE(tcvn.ok());
    CHECK(*tcvn == "Châu Đốc");
    // VNI-Windows: base letters + mark bytes. "Vieät Nam", "Ñoàng Thaùp", "Hueá", "Phöôøng"
    auto vni = decodeText("Vie\xE4t Nam", "VNI");
    REQUIRE(vni.ok());
    CHECK(*vni == "Việt Nam");
    CHECK(*decodeText("\xD1o\xE0ng Tha\xF9p", "VNI") == "Đồng Tháp");
    CHECK(*decodeText("Hue\xE1", "VNI") == "Huế");
    CHECK(*decodeText("Ph\xF6\xF4\xF8ng", "VNI") == "Phường");
    CHECK(*decodeText("\xF1" "a\xEB" "c bie\xE4t", "VNI") == "đặc biệt");
    CHECK(*decodeText("Tie\xE0n Giang", "VNI") == "Tiền Giang");
    CHECK(*decodeText("Ba\xEA\xF9" "c Ninh", "VNI") == "Bắc Ninh");  // breve + separate acute also composes
    CHECK(*decodeText("Tha\xF8nh ph\xF6\xF4\xFB", "VNI") == "Thành phưở");
    CHECK(*decodeText("K\xF6\xF9 L\xF6\xEF", "VNI") == "Kứ Lự");
    CHECK(*decodeText("Q\xED ", "VNI") == "Qí ");
    CHECK(*decodeText("VI\xC6T NAM", "VNI") == "VIỈT NAM");  // Ỉ is its own byte
    CHECK(*decodeText("VIE\xC4T NAM", "VNI") == "VIỆT NAM");
    CHECK(*decodeText("Vi\xC3\xAA\xCC\xA3t", "UTF-8") == "Việt");
    auto bad = decodeText("x", "KOI8-VN");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("KOI8-VN") != std::string::npos);
}

TEST_CASE("decodeText: bytes that are not UTF-8 are an error naming the byte, not text", "[text]") {
    // Found by fuzz/text_decode_fuzz: they used to come back unchanged and reach the project.
    const auto bad = decodeText("T\xA9n Ch\xA9u", "UTF-8");
    REQUIRE_FALSE(bad);
    CHECK_THAT(bad.error().message, Catch::Contains("not valid UTF-8 (byte 2"));
    CHECK_THAT(bad.error().message, Catch::Contains("--encoding TCVN3"));
    CHECK_FALSE(repairMisdecodedText("T\xC2\xA9n", "UTF-8"));
    CHECK(firstInvalidUtf8Byte("ab\xFF") == 2u);
    CHECK_FALSE(firstInvalidUtf8Byte("Việt"));
}

TEST_CASE("the real TCVN3 mojibake CSV decodes to its decoded copy row by row", "[text][real]") {
    const auto dir = test::sharedDir() / "data/real/epix_communesVN_codes";
    std::ifstream damaged(dir / "communesVN.csv", std::ios::binary), decoded(dir / "communesVN_decoded_utf8.csv", std::ios::binary);
    REQUIRE(damaged);
    REQUIRE(decoded);
    std::string a, b;
    std::size_t rows = 0, matching = 0;
    std::vector<std::size_t> differing;
    while (std::getline(damaged, a) && std::getline(decoded, b)) {
        ++rows;
        auto fixed = repairMisdecodedText(a, "TCVN3");
        REQUIRE(fixed.ok());
        if (*fixed == b) ++matching;
        else differing.push_back(rows);
    }
    CHECK(rows == 10615);  // header + 10,614
    CHECK(matching == rows);
    INFO("first differing line " << (differing.empty() ? 0 : differing.front()));
    CHECK(differing.empty());
}

TEST_CASE("the VNI row hidden in the TCVN3 file decodes as VNI", "[text][real]") {
    // Line 1726 of communesVN.csv is "Khueâ Myõ" — VNI bytes, not TCVN3. The published decoded copy
    // therefore holds TCVN3 garbage ("Khueõ Myừ"); decoding the bytes as VNI gives the real name.
    const std::string line = "Khue\xC3\xA2 My\xC3\xB5";  // as stored: UTF-8 of the Latin-1 reading
    auto asTcvn = repairMisdecodedText(line, "TCVN3");
    REQUIRE(asTcvn.ok());
    CHECK(*asTcvn == "Khueõ Myừ");
    auto asVni = repairMisdecodedText(line, "VNI");
    REQUIRE(asVni.ok());
    CHECK(*asVni == "Khuê Mỹ");
    CHECK_FALSE(repairMisdecodedText("Việt", "TCVN3").ok());  // not Latin-1 mojibake
}

#include <cstdlib>
#include <utf8proc.h>

TEST_CASE("toNfc's shortcut: Latin below U+0300 and precomposed Vietnamese are left as NFC leaves them", "[text]") {
    // Every code point the shortcut accepts, alone and in every pair: utf8proc's NFC changes nothing.
    std::vector<std::string> accepted;
    auto encode = [](utf8proc_int32_t cp) {
        utf8proc_uint8_t buf[4];
        const auto n = utf8proc_encode_char(cp, buf);
        return std::string(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
    };
    for (utf8proc_int32_t cp = 1; cp < 0x300; ++cp) accepted.push_back(encode(cp));
    for (utf8proc_int32_t cp = 0x1E00; cp <= 0x1EFF; ++cp) accepted.push_back(encode(cp));
    auto nfc = [](const std::string& s) {
        utf8proc_uint8_t* mapped = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
        std::string out = mapped != nullptr ? reinterpret_cast<const char*>(mapped) : "<null>";
        std::free(mapped);
        return out;
    };
    std::size_t changed = 0;
    for (const std::string& a : accepted) {
        changed += nfc(a) != a ? 1 : 0;
        for (const std::string& b : accepted) changed += nfc(a + b) != a + b ? 1 : 0;
    }
    CHECK(changed == 0);
    CHECK(toNfc("Xã Đông Hòa, Huyện Thạch Hà") == "Xã Đông Hòa, Huyện Thạch Hà");
    // A combining mark anywhere still goes through utf8proc and composes.
    CHECK(toNfc("Tha\xcc\xa3" "ch Ha\xcc\x80") == "Thạch Hà");
    CHECK(toNfc("\xe1\xba\xa1\xcc\x82") == "\xe1\xba\xad");  // ạ + combining circumflex = ậ
    // Invalid UTF-8 is returned as given, as before.
    CHECK(toNfc("ab\xff") == "ab\xff");
}

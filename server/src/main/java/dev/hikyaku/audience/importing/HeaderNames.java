package dev.hikyaku.audience.importing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The header texts that name the address, name and company columns in the files our users bring:
 * English and Japanese, in any case and width ({@code ＥＭＡＩＬ}, {@code E-Mail Address}, {@code
 * メールアドレス}).
 */
final class HeaderNames {

  private static final Set<String> ADDRESS =
      Set.of(
          "email",
          "emailaddress",
          "emailaddr",
          "mail",
          "mailaddress",
          "mailaddr",
          "emails",
          "emailアドレス",
          "mailアドレス",
          "メールアドレス",
          "メール",
          "メアド",
          "eメール",
          "eメールアドレス",
          "電子メール",
          "電子メールアドレス");
  private static final Set<String> NAME =
      Set.of(
          "name",
          "fullname",
          "displayname",
          "contactname",
          "氏名",
          "名前",
          "お名前",
          "フルネーム",
          "表示名",
          "宛名",
          "担当者名",
          "ご担当者名",
          "担当者");
  private static final Set<String> FAMILY =
      Set.of("姓", "氏", "苗字", "名字", "lastname", "familyname", "surname");
  private static final Set<String> GIVEN = Set.of("名", "下の名前", "firstname", "givenname");
  private static final Set<String> COMPANY =
      Set.of(
          "company",
          "companyname",
          "organization",
          "organisation",
          "organizationname",
          "会社名",
          "会社",
          "社名",
          "企業名",
          "法人名",
          "団体名",
          "組織",
          "組織名",
          "所属",
          "所属先",
          "勤務先");

  private HeaderNames() {}

  /**
   * The role {@code header} names, if any. Headers are compared after NFKC, in lower case and
   * without spaces, hyphens, underscores, dots and middle dots.
   */
  static Optional<ColumnRole> roleOf(String header) {
    String key = normalize(header).replaceAll("[\\s\\-_.・]", "");
    if (ADDRESS.contains(key)) {
      return Optional.of(ColumnRole.ADDRESS);
    }
    if (NAME.contains(key)) {
      return Optional.of(ColumnRole.NAME);
    }
    if (FAMILY.contains(key)) {
      return Optional.of(ColumnRole.FAMILY_NAME);
    }
    if (GIVEN.contains(key)) {
      return Optional.of(ColumnRole.GIVEN_NAME);
    }
    return COMPANY.contains(key) ? Optional.of(ColumnRole.COMPANY) : Optional.empty();
  }

  /** NFKC, lower case, no byte order mark: the form in which two headers are the same. */
  static String normalize(String header) {
    return Normalizer.normalize(header.replace("\uFEFF", ""), Normalizer.Form.NFKC)
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}

package dev.hikyaku.delivery.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import org.junit.jupiter.api.Test;

class StsRecordTests {

  @Test
  void theIdShouldBeReadFromAValidRecord() {
    assertThat(StsRecord.id("v=STSv1; id=20160831085700Z;")).isEqualTo("20160831085700Z");
    assertThat(StsRecord.id("v=STSv1;id=abc")).isEqualTo("abc");
    assertThat(StsRecord.id("v=STSv1; ext=val; id=7 ; ")).isEqualTo("7");
  }

  @Test
  void invalidRecordsShouldGiveNoId() {
    assertThat(StsRecord.id("v=STSv1;")).isNull();
    assertThat(StsRecord.id("v=STSv1; id=")).isNull();
    assertThat(StsRecord.id("v=STSv1; id=" + "a".repeat(33))).isNull();
    assertThat(StsRecord.id("v=STSv1; id=a-b")).isNull();
    assertThat(StsRecord.id("v=STSv1; id=1;; ")).isNull();
    assertThat(StsRecord.id("v=STSv1 ; id=1")).isNull();
  }

  @Test
  void onlyExactlyOneStsRecordShouldCount() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("_mta-sts.one.test", "v=spf1 -all")
            .txt("_mta-sts.one.test", "v=STSv1; id=1")
            .txt("_mta-sts.two.test", "v=STSv1; id=1")
            .txt("_mta-sts.two.test", "v=STSv1; id=2")
            .serverFailure("_mta-sts.fail.test");
    assertThat(StsRecord.from("one.test", zone.txt("_mta-sts.one.test")))
        .isEqualTo(new StsRecord.Lookup.Found("1"));
    assertThat(StsRecord.from("two.test", zone.txt("_mta-sts.two.test")))
        .isInstanceOf(StsRecord.Lookup.Absent.class);
    assertThat(StsRecord.from("none.test", zone.txt("_mta-sts.none.test")))
        .isInstanceOf(StsRecord.Lookup.Absent.class);
    assertThat(StsRecord.from("fail.test", zone.txt("_mta-sts.fail.test")))
        .isInstanceOf(StsRecord.Lookup.Failed.class);
  }
}

package dev.parley.plugins.entity.system;

import static dev.parley.plugins.entity.system.ExpectedTimes.threeDays;
import static dev.parley.plugins.entity.system.ExpectedTimes.time;
import static dev.parley.plugins.entity.system.ExpectedTimes.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Local extraction, with "now" fixed at Wednesday 2026-11-25 10:00 UTC. */
class DucklingEntityExtractorTest {

  static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final DucklingEntityExtractorFactory FACTORY =
      new DucklingEntityExtractorFactory(NOW);

  static EntityExtractor extractor(Map<String, Object> config) {
    return FACTORY.create(
        TestContext.of(FACTORY.configProperties(), config, TrainingDataBuilder.emptyDomain()));
  }

  private static List<String> found(String text) {
    return found(extractor(Map.of()), text);
  }

  static List<String> found(EntityExtractor extractor, String text) {
    return extractor.extract(new Message(text, "en", null), List.of()).stream()
        .map(e -> e.entity() + "=" + e.value() + "@" + e.start() + "-" + e.end())
        .toList();
  }

  @Test
  void englishNumbersInDigitsAndWords() {
    assertEquals(
        List.of("number=2@7-10", "number=21@18-28"), found("I want two, maybe twenty-one"));
    assertEquals(List.of("number=105@0-20"), found("one hundred and five"));
    assertEquals(List.of("number=1000@4-9", "number=3.5@14-17"), found("pay 1,000 and 3.5"));
    assertEquals(List.of("ordinal=3@4-9", "ordinal=21@14-18"), found("the third and 21st"));
  }

  @Test
  void chineseNumbersAndOrdinals() {
    assertEquals(List.of("number=2@2-3"), found("我要两个"));
    assertEquals(List.of("number=20@0-2"), found("二十"));
    assertEquals(List.of("number=350@0-3"), found("三百五"));
    assertEquals(List.of("number=105@0-4"), found("一百零五"));
    assertEquals(List.of("ordinal=3@0-2"), found("第三个"));
    assertEquals(List.of(), found("等一下"));
  }

  @Test
  void amountsOfMoneyWithDucklingsShape() {
    assertEquals(
        List.of("amount-of-money={value=20, unit=$, type=value}@6-9"), found("costs $20 now"));
    assertEquals(
        List.of("amount-of-money={value=20, unit=$, type=value}@0-10"), found("20 dollars"));
    assertEquals(
        List.of("amount-of-money={value=20, unit=EUR, type=value}@0-12"), found("twenty euros"));
    assertEquals(List.of("amount-of-money={value=50, unit=CNY, type=value}@0-3"), found("50元"));
    assertEquals(List.of("amount-of-money={value=50, unit=CNY, type=value}@0-4"), found("五十块钱"));
  }

  @Test
  void emailUrlAndPhone() {
    assertEquals(
        List.of("email=ana.ruiz@example.org@5-25", "url=https://parley.dev/docs@30-53"),
        found("mail ana.ruiz@example.org and https://parley.dev/docs."));
    assertEquals(List.of("phone-number=6502530000@8-20"), found("call me 650-253-0000"));
    assertEquals(
        List.of("phone-number=13812345678@3-14"),
        found(extractor(Map.of("locale", "zh_CN")), "电话是13812345678"));
  }

  @Test
  void phoneNumbersAsDucklingWritesThem() {
    assertEquals(List.of("phone-number=(+33) 146647998@5-19"), found("call +33 1 46647998"));
    assertEquals(List.of("phone-number=(+1) 6507018887@0-15"), found("+1 650-701-8887"));
    assertEquals(List.of("phone-number=6507018887 ext 897@0-22"), found("(650)-701-8887 ext 897"));
  }

  @Test
  void englishDatesAndTimesRelativeToNow() {
    assertEquals(
        List.of(time("2026-11-26T17:00:00.000+00:00", "hour", 0, 15)), found("tomorrow at 5pm"));
    assertEquals(
        List.of(time("2026-11-30T00:00:00.000+00:00", "day", 4, 15)), found("see next monday"));
    assertEquals(
        List.of(time("2026-11-25T12:00:00.000+00:00", "minute", 5, 15)), found("back in 2 hours"));
    assertEquals(
        List.of(times("minute", 5, 15, threeDays("2026-11-25T17:30:00.000+00:00"))),
        found("meet at 5:30 pm"));
    assertEquals(
        List.of(
            times(
                "day",
                3,
                14,
                "2026-12-24T00:00:00.000+00:00",
                "2027-12-24T00:00:00.000+00:00",
                "2028-12-24T00:00:00.000+00:00")),
        found("on december 24"));
    assertEquals(
        List.of(
            "duration={value=3, unit=day, day=3, type=value, normalized={value=259200, unit=second}}@4-10"),
        found("for 3 days").stream()
            .map(s -> s.replace("unit=second, value=259200", "value=259200, unit=second"))
            .toList());
  }

  @Test
  void timesMovedFromNowAreRoundedAsDucklingRoundsThem() {
    DucklingEntityExtractorFactory factory =
        new DucklingEntityExtractorFactory(
            Clock.fixed(Instant.parse("2026-11-25T10:30:15Z"), ZoneOffset.UTC));
    EntityExtractor extractor =
        factory.create(
            TestContext.of(
                factory.configProperties(), Map.of(), TrainingDataBuilder.emptyDomain()));
    assertEquals(
        List.of(time("2026-11-25T10:32:15.000+00:00", "second", 0, 12)),
        found(extractor, "in 2 minutes"));
    assertEquals(
        List.of(time("2026-11-25T11:30:00.000+00:00", "minute", 0, 11)),
        found(extractor, "in one hour"));
    assertEquals(
        List.of(time("2026-12-02T10:00:00.000+00:00", "hour", 0, 9)),
        found(extractor, "in 7 days"));
    assertEquals(
        List.of(time("2026-11-18T00:00:00.000+00:00", "day", 0, 10)),
        found(extractor, "a week ago"));
    assertEquals(
        List.of(time("2024-11-01T00:00:00.000+00:00", "month", 0, 13)),
        found(extractor, "two years ago"));
  }

  @Test
  void chineseDatesAndTimesInTheConfiguredZone() {
    EntityExtractor shanghai = extractor(Map.of("timezone", "Asia/Shanghai"));
    assertEquals(
        List.of(time("2026-11-26T17:00:00.000+08:00", "hour", 0, 6)), found(shanghai, "明天下午五点"));
    assertEquals(
        List.of(time("2026-11-30T00:00:00.000+08:00", "day", 0, 3)), found(shanghai, "下周一开会"));
    assertEquals(
        List.of(time("2026-11-25T20:30:00.000+08:00", "minute", 0, 5)), found(shanghai, "今晚八点半"));
    assertEquals(
        List.of(time("2026-11-25T20:00:00.000+08:00", "minute", 0, 5)), found(shanghai, "两小时以后"));
  }

  @Test
  void dimensionsRestrictWhatIsKept() {
    EntityExtractor numbersOnly = extractor(Map.of("dimensions", List.of("number")));
    assertEquals(List.of("number=2@3-4", "number=20@13-15"), found(numbersOnly, "in 2 hours, $20"));
  }

  @Test
  void keepsEarlierEntitiesAndNamesItself() {
    Entity earlier = Entity.of("city", "Oslo", 0, 4, 0.9, "CRFEntityExtractor");
    List<Entity> all =
        extractor(Map.of()).extract(new Message("Oslo for two", "en", null), List.of(earlier));
    assertEquals(earlier, all.get(0));
    assertEquals("DucklingEntityExtractor", all.get(1).extractor());
    assertEquals(2L, all.get(1).value());
  }

  @Test
  void badSettingsAreRejected() {
    assertThrows(PluginException.class, () -> extractor(Map.of("timezone", "Mars/Base")));
    assertThrows(PluginException.class, () -> extractor(Map.of("dimensions", List.of("distance"))));
  }
}

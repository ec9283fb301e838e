package dev.parley.plugins.entity.system;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses, URLs and phone numbers (found with libphonenumber, for the locale's region);
 * values are the address, the URL as written, and the number as Duckling writes it: the digits as
 * written, {@code "(+33) 146647998"} when a country code was written, {@code " ext 897"} appended
 * for an extension.
 */
final class ContactFinder {

  private static final Pattern EMAIL =
      Pattern.compile("[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern URL =
      Pattern.compile(
          "(?:https?://|www\\.)[^\\s<>\"]+"
              + "|(?<![@\\w.])[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:com|org|net|io|dev|edu|gov|cn|uk|de|fr|info|ai|co)"
              + "(?:/[^\\s<>\"]*)?(?![\\w@])",
          Pattern.CASE_INSENSITIVE);

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final String region;

  ContactFinder(String region) {
    this.region = region;
  }

  List<Found> find(String text) {
    List<Found> found = new ArrayList<>();
    Matcher email = EMAIL.matcher(text);
    while (email.find()) {
      found.add(new Found("email", email.start(), email.end(), email.group()));
    }
    Matcher url = URL.matcher(text);
    while (url.find()) {
      int end = url.end();
      while (end > url.start() && ".,;:!?)]'".indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      found.add(new Found("url", url.start(), end, text.substring(url.start(), end)));
    }
    for (PhoneNumberMatch phone : PHONES.findNumbers(text, region)) {
      found.add(
          new Found(
              "phone-number",
              phone.start(),
              phone.end(),
              ducklingValue(phone.rawString(), phone.number())));
    }
    return found;
  }

  /** Duckling's phone-number value: the written digits, with the written country code apart. */
  static String ducklingValue(String raw, PhoneNumber number) {
    String digits = raw.replaceAll("\\D", "");
    String extension = number.hasExtension() ? number.getExtension() : "";
    if (!extension.isEmpty() && digits.endsWith(extension)) {
      digits = digits.substring(0, digits.length() - extension.length());
    }
    String prefix = "";
    String code = String.valueOf(number.getCountryCode());
    if (raw.stripLeading().matches("^\\(?\\+.*") && digits.startsWith(code)) {
      prefix = "(+" + code + ") ";
      digits = digits.substring(code.length());
    }
    return prefix + digits + (extension.isEmpty() ? "" : " ext " + extension);
  }
}

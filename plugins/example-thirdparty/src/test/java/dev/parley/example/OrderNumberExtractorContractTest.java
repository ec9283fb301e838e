package dev.parley.example;

import dev.parley.plugins.testkit.contract.EntityExtractorContract;
import java.util.List;

/** The third-party extractor against the entity extractor contract, as a plugin author runs it. */
class OrderNumberExtractorContractTest
    extends EntityExtractorContract<OrderNumberExtractorFactory> {

  @Override
  protected OrderNumberExtractorFactory factory() {
    return new OrderNumberExtractorFactory();
  }

  @Override
  protected List<String> messages() {
    return List.of(
        "where is order #12345?", "订单号 987654 到哪了", "order number 4711 and #2024001", "hello", "");
  }
}

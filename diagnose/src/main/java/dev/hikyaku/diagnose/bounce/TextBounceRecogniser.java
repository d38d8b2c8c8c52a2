package dev.hikyaku.diagnose.bounce;

import java.util.Optional;

/** Recognises the text bounce of one mail system and reads its recipients. */
interface TextBounceRecogniser {

  /** The report in {@code bounce}, or empty when it is not this mail system's bounce. */
  Optional<DeliveryStatusReport> recognise(TextBounce bounce, Problems problems);
}

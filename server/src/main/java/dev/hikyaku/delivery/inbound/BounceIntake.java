package dev.hikyaku.delivery.inbound;

import dev.hikyaku.delivery.BounceLedger;
import dev.hikyaku.diagnose.bounce.BounceParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a message the listener received: for each accepted recipient, stores the raw message with
 * its verdict and applies the verdict's effects (attempt, bounce, suppression), all in one
 * transaction. The listener answers 250 only after it commits, so a message is either stored with
 * its effects or refused with 451 and sent again by its MTA — never acknowledged and lost.
 */
@Service
public class BounceIntake {

  private final BounceMessageRepository store;
  private final BounceLedger ledger;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final TriageReports triage = new TriageReports(new BounceParser());

  BounceIntake(
      BounceMessageRepository store,
      BounceLedger ledger,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Stores and applies one message for its accepted recipients; returns each one's verdict. */
  List<Verdict> receive(String envelopeFrom, List<RecipientGate.Admitted> recipients, byte[] raw) {
    return transactions.execute(status -> {
      List<Verdict> verdicts = new ArrayList<>(recipients.size());
      for (RecipientGate.Admitted admitted : recipients) {
        Triage t = triage.triage(admitted.recipient(), raw);
        store.insert(
            clock.instant(), envelopeFrom, admitted.recipient(), admitted.delivery().id(), t, raw);
        t.effects().forEach(effect -> apply(admitted, effect));
        verdicts.add(t.verdict());
      }
      return verdicts;
    });
  }

  /** The received messages in id order after {@code afterId}, at most 500. */
  public List<ReceivedBounce> page(long afterId, int limit) {
    return store.page(Math.max(0, afterId), Math.max(1, Math.min(limit, 500)));
  }

  private void apply(RecipientGate.Admitted admitted, IntakeEffect effect) {
    var delivery = admitted.delivery();
    switch (effect) {
      case IntakeEffect.Record r ->
          ledger.record(delivery, r.outcome(), r.code(), r.enhanced(), r.reply(), r.host());
      case IntakeEffect.Bounce b -> ledger.bounce(delivery, b.code(), b.reply());
      case IntakeEffect.Complaint c -> ledger.complaint(delivery, c.feedbackType());
      case IntakeEffect.Unsubscribe u -> ledger.unsubscribe(delivery, u.how());
    }
  }
}

package dev.hikyaku.e2e;

import dev.hikyaku.approval.ApprovalRequest;
import dev.hikyaku.approval.ApprovalService;
import dev.hikyaku.campaigns.CampaignService;
import dev.hikyaku.identity.security.Authentications;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.identity.users.UserService;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Starts a campaign the way the product requires, in a process that set it up through its own
 * services: an author requests approval and a second person approves exactly that content. The
 * end-to-end setups run with {@code require-test-send=false} and {@code cancel-window=0s}.
 */
public final class ApprovedStart {

  /** The settings an end-to-end setup adds so a send starts at once after approval. */
  public static final java.util.Map<String, String> SETTINGS =
      java.util.Map.of(
          "hikyaku.approval.require-test-send", "false", "hikyaku.approval.cancel-window", "0s");

  private ApprovedStart() {}

  /** Approves campaign {@code id} with two e2e accounts and starts it; the send job's id. */
  public static long start(ApplicationContext ctx, long id) {
    UserService users = ctx.getBean(UserService.class);
    User author = person(users, "e2e-author", "AUTHOR");
    CampaignService campaigns = ctx.getBean(CampaignService.class);
    ApprovalService approvals = ctx.getBean(ApprovalService.class);
    ApprovalRequest r = as(author, () -> campaigns.submit(id));
    // A large audience needs two distinct approvers.
    for (int i = 1; i <= r.required(); i++) {
      User approver = person(users, "e2e-approver" + i, "APPROVER");
      as(approver, () -> approvals.approve(r.id(), r.contentHash(), "e2e"));
    }
    return campaigns.start(id).orElseThrow().id();
  }

  private static User person(UserService users, String username, String role) {
    return users
        .byUsername(username)
        .orElseGet(() ->
            users.create(new UserService.NewUser(username, username, "", List.of(role))).user());
  }

  private static <T> T as(User user, Supplier<T> action) {
    SecurityContextHolder.setContext(new SecurityContextImpl(Authentications.signedIn(user)));
    try {
      return action.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}

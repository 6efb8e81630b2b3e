"""Replies written for these tests in the style of Amazon's answers to appeals (no public text is copied).

Each constant is one reply; the comment above it says what a careful reader takes from it.
"""

# more_information; root cause (naming the issue), actions, prevention, actions not implemented;
# within 14 days; Account Health "Submit new information"
MORE_INFO = """Hello,

Thanks for your appeal. Having looked at it, we do not have enough information to reactivate your
account yet, as these points are missing:

-- Greater detail on the root cause of buyers receiving defective items.
-- Greater detail on the actions you have taken to resolve the problem.
-- Greater detail on the steps you have taken to prevent buyers receiving defective items in the future.

We also determined that the corrective actions you have listed have not been implemented. Please make sure
all corrective actions are completed before you resubmit.

To send this information, go to Account Health, find this appeal and click "Submit new information"
within 14 days.

Regards,
Seller Performance Team
"""

# reinstated; nothing asked
REINSTATED = """Hello,

We have reviewed the information you provided and reinstated your selling privileges. Your listings are
now active again and you can resume selling.

Thank you for your patience.
Seller Performance Team
"""

# rejected; no asks; Account Health "Submit an appeal"
REJECTED = """Dear Seller,

We have reviewed your appeal. Unfortunately your appeal was not accepted and your account remains
deactivated. You may use the "Submit an appeal" button on the Account Health page to send a new plan of
action.

Seller Performance
"""

# final_decision; nothing to answer
FINAL = """Hello,

We have reviewed your appeal and determined that your selling privileges will not be reinstated.
This decision is final, and we may not respond to further emails about this issue.

Seller Performance Team
"""

# unknown: an acknowledgement that decides nothing
UNKNOWN = """Hello from Amazon Selling Partner Support,

Thank you for contacting us. Your case ID is 19283746501. A member of our team is looking into it.

Amazon Selling Partner Support
"""

# more_information; each document kind once; "other" for a listed item that matches no kind;
# within 72 hours; reply to this email
DOCUMENTS = """Hello,

We received your submission but do not have enough information to complete our review. We need the following:

- The invoices you provided could not be verified.
- The purchase order you sent appears to be altered.
- You have provided an Order Confirmation. Please provide an invoice from your supplier.
- A test report from an accredited laboratory for ASIN B0TESTAB12.
- A government-issued photo ID so that we can verify your identity.
- You did not attach the letter of authorization from the brand owner.
- The name of the warehouse that shipped the cited orders.

Please reply to this email with the requested information within 72 hours.
"""

# more_information; dated deadline; notice-dispute address
DISPUTE = """Hello,

We could not complete our review because the plan of action is missing the root cause of the
infringement complaint. Please provide greater detail on the root cause.

If you believe the complaint was made in error, write to notice-dispute@amazon.com with the complaint ID.
Please send the information by December 12, 2026.
"""

# more_information; a named address to write to
EMAIL = """Hello,

We need additional information before we can continue. Please provide copies of your supplier invoices
issued in the last 365 days and email them to seller-performance-policy@amazon.com.
"""

# Chinese: more_information; root cause naming the issue, actions, prevention; 14 days; 提交新信息
ZH_MORE = """您好，

感谢您提交申诉。我们已审核您的申诉，但没有足够的信息恢复您的账户，因为缺少以下信息：

-- 关于导致买家收到有缺陷商品的根本原因的更多详细信息。
-- 关于您为解决此问题已采取的措施的更多详细信息。
-- 关于您为防止此问题再次发生而采取的步骤的更多详细信息。

请在 14 天内前往账户状况页面，点击“提交新信息”提交上述信息。

卖家绩效团队
"""

# Chinese: reinstated
ZH_REINSTATED = """您好，

我们已审核您提交的信息，并已恢复您的销售权限。感谢您的耐心等待。

卖家绩效团队
"""

# Chinese: rejected
ZH_REJECTED = """您好，

感谢您的申诉。很遗憾，您的申诉未通过审核，您的账户仍处于停用状态。

卖家绩效团队
"""

# Chinese: final_decision
ZH_FINAL = """您好，

我们已决定不恢复您的销售权限。这是最终决定，我们将不再回复有关此问题的邮件。
"""

# Chinese: documents invalid, forged, invoice, compliance, identity, missing; dated deadline
ZH_DOCUMENTS = """您好，

我们需要更多信息才能完成审核：
1. 您提交的发票无法验证。
2. 您提交的采购单似乎经过篡改。
3. 请提供供应商开具的发票。
4. 请提供产品的检测报告。
5. 请完成身份验证。
6. 您未提交品牌方的授权书文件。

请于2026年12月12日前回复此邮件。
"""

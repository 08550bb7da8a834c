import { CustomerReview, type CustomerReviewProps } from "./customer-review";
import "./review.css";

export type ReviewScreenProps = CustomerReviewProps;

/**
 * The review step of the customer's flow, loaded when the first result arrives: the retake question, a policy stop, or
 * "Is this you?". (Agents review stored sessions at the desk: DeskReview.)
 */
export function ReviewScreen(props: ReviewScreenProps) {
  return <CustomerReview {...props} />;
}

import type { InputHTMLAttributes, Ref } from "react";

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "onChange" | "value"> & {
  /** The input's id; the label points at it. */
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
};

/** A desk form's label and text input, one pair: the label names the input for screen readers and clicks. */
export function FormField({ id, label, value, onValue, ref, ...input }: FieldProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        ref={ref}
        required
        value={value}
        onChange={(event) => onValue(event.currentTarget.value)}
      />
    </>
  );
}

import { useState } from "react";

/** The props that tie a form field to one value of a draft: the value, its change and the message for it. */
export function draftFields<T extends object>(
  values: T,
  change: (part: Partial<T>) => void,
  errors: Readonly<Record<string, string>>,
) {
  return <K extends keyof T & string>(key: K) => ({
    value: values[key],
    onChange: (value: T[K]) => {
      const part: Partial<T> = {};
      part[key] = value;
      change(part);
    },
    error: errors[key],
  });
}

/**
 * A form's values kept as one record. `fields(errors)` gives the props of each field by name, so a field reads
 * `<TextField label="氏名" {...field("nameKanji")} />` with the submit's messages (`errors`) next to it.
 */
export function useDraft<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const change = (part: Partial<T>) => setValues((v) => ({ ...v, ...part }));
  return {
    values,
    setValues,
    change,
    fields: (errors: Readonly<Record<string, string>>) => draftFields(values, change, errors),
  };
}

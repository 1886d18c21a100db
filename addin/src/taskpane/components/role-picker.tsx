// A role: free text with the usual roles as suggestions. The add form starts it at "member";
// the group page's "Change role" at the member's role.
import { Combobox, Field, Option } from '@fluentui/react-components';
import { MAX_ROLE_NAME, roleSuggestions } from '../../../../shared/domain/group.ts';

export function RolePicker(props: { value: string; onChange: (role: string) => void; disabled?: boolean; label?: string }) {
  const typed = props.value.trim().toLowerCase();
  // A suggestion already chosen shows the full list again; otherwise the ones containing the text.
  const isSuggestion = roleSuggestions.some((role) => role === typed);
  const shown = isSuggestion || typed === '' ? roleSuggestions : roleSuggestions.filter((role) => role.includes(typed));
  const empty = props.value.trim() === '';
  return (
    <Field label={props.label ?? 'Role'} validationState={empty ? 'error' : 'none'} validationMessage={empty ? 'Type a role, e.g. member.' : undefined}>
      <Combobox
        freeform
        disabled={props.disabled}
        value={props.value}
        maxLength={MAX_ROLE_NAME}
        selectedOptions={isSuggestion ? [typed] : []}
        onChange={(event) => props.onChange(event.target.value)}
        onOptionSelect={(_, data) => {
          if (data.optionValue) props.onChange(data.optionValue);
        }}
      >
        {shown.map((role) => (
          <Option key={role} value={role}>
            {role}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

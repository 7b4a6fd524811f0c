export type Fulfilment =
  | { type: 'dine_in'; table: string }
  | { type: 'pickup' }
  | { type: 'delivery'; address: string; postcode: string };

/**
 * Eat here (with a table from the QR code), take away, or delivery where the store offers it.
 * The address is sent for checking when the guest leaves the field, not on every keystroke.
 */
export function FulfilmentChoice(props: {
  table: string | null;
  deliveryAvailable: boolean;
  value: Fulfilment;
  onChange(value: Fulfilment): void;
  problem: (path: string) => React.ReactNode;
}) {
  const { table, value, onChange } = props;
  const delivery =
    value.type === 'delivery' ? value : { type: 'delivery' as const, address: '', postcode: '' };
  if (!table && !props.deliveryAvailable) return null;
  return (
    <>
      <fieldset className="segmented">
        <legend>How do you want it?</legend>
        {table && (
          <label>
            <input
              type="radio"
              name="where"
              checked={value.type === 'dine_in'}
              onChange={() => onChange({ type: 'dine_in', table })}
            />{' '}
            Here, table {table}
          </label>
        )}
        <label>
          <input
            type="radio"
            name="where"
            checked={value.type === 'pickup'}
            onChange={() => onChange({ type: 'pickup' })}
          />{' '}
          {table ? 'Take away' : 'Pickup'}
        </label>
        {props.deliveryAvailable && (
          <label>
            <input
              type="radio"
              name="where"
              checked={value.type === 'delivery'}
              onChange={() => onChange(delivery)}
            />{' '}
            Delivery
          </label>
        )}
      </fieldset>
      {value.type === 'delivery' && (
        <>
          <label className="field">
            <span>Delivery address</span>
            <input
              defaultValue={value.address}
              autoComplete="street-address"
              maxLength={300}
              onBlur={(e) => onChange({ ...value, address: e.target.value.trim() })}
            />
            {props.problem('fulfilment.address')}
          </label>
          <label className="field">
            <span>Postcode</span>
            <input
              defaultValue={value.postcode}
              autoComplete="postal-code"
              maxLength={12}
              onBlur={(e) => onChange({ ...value, postcode: e.target.value.trim() })}
            />
            {props.problem('fulfilment.postcode')}
          </label>
        </>
      )}
    </>
  );
}

import { Badge, DataList, Group, Text } from '@mantine/core';
import type { RoleSettingsDto } from '../../../../shared/schemas/roles';
import { discountLimitText, expiryText, lockoutText, requiredClasses } from './policy-text';

/** A role's policy and discount limit for those who may read them but not change them. */
export function PolicySummary({ policy }: { policy: RoleSettingsDto }) {
  const classes = requiredClasses(policy);
  return (
    <DataList size="sm" labelWidth={120} withDivider>
      <DataList.Item>
        <DataList.ItemLabel>Minimum length</DataList.ItemLabel>
        <DataList.ItemValue>{policy.minimum_characters} characters</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Must contain</DataList.ItemLabel>
        <DataList.ItemValue>
          {classes.length === 0 ? (
            <Text span size="sm" c="dimmed">
              No particular characters
            </Text>
          ) : (
            <Group gap={4}>
              {classes.map((c) => (
                <Badge key={c} variant="default" radius="sm" size="sm" tt="none" fw={500}>
                  {c}
                </Badge>
              ))}
            </Group>
          )}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Password expiry</DataList.ItemLabel>
        <DataList.ItemValue data-testid="policy-expiration">{expiryText(policy.password_expiration)}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Lockout</DataList.ItemLabel>
        <DataList.ItemValue data-testid="policy-max-failed">{lockoutText(policy.max_failed_attempts)}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Discounts</DataList.ItemLabel>
        <DataList.ItemValue data-testid="policy-max-discount">{discountLimitText(policy.max_discount_percent)}</DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}

import type { RemoteTemplate } from '../../../src-main/channels/whatsapp/types';

/**
 * Templates the fake Cloud API serves by default, in Meta's template object shape
 * (whatsapp-cloud-api.md, "Templates"): approved positional and named ones, one name in two
 * languages, a text-header template copied from the doc, and unsendable PENDING/REJECTED ones.
 */
export const DEFAULT_TEMPLATES: RemoteTemplate[] = [
  {
    id: '1406228140224910',
    name: 'order_confirmation',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      {
        type: 'BODY',
        text: 'Hi {{1}}, your order {{2}} has shipped.',
        example: { body_text: [['Jessica', 'SKBUP2-4CPIG9']] },
      },
      { type: 'FOOTER', text: 'Herald Test Shop' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Track order',
            url: 'https://shop.example.com/orders/{{1}}',
            example: ['https://shop.example.com/orders/SB-1001'],
          },
        ],
      },
    ],
  },
  {
    id: '1406228140224911',
    name: 'order_confirmation',
    language: 'de',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      {
        type: 'BODY',
        text: 'Hallo {{1}}, deine Bestellung {{2}} wurde versandt.',
        example: { body_text: [['Jessica', 'SKBUP2-4CPIG9']] },
      },
      { type: 'FOOTER', text: 'Herald Test Shop' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Sendung verfolgen',
            url: 'https://shop.example.com/orders/{{1}}',
            example: ['https://shop.example.com/orders/SB-1001'],
          },
        ],
      },
    ],
  },
  {
    id: '1339522734477771',
    name: 'welcome_discount_template',
    language: 'en_US',
    status: 'APPROVED',
    category: 'MARKETING',
    parameter_format: 'NAMED',
    components: [
      {
        type: 'HEADER',
        format: 'IMAGE',
        example: { header_handle: ['https://scontent.example.com/welcome.png'] },
      },
      {
        type: 'BODY',
        text: 'Hi {{first_name}}, use {{discount_code}} for 25% off.',
        example: {
          body_text_named_params: [
            { param_name: 'first_name', example: 'Pablo' },
            { param_name: 'discount_code', example: 'WELCOME25' },
          ],
        },
      },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop promotions' }] },
    ],
  },
  {
    id: '1304694804498707',
    name: 'coupon_expiration_reminder',
    language: 'en',
    status: 'APPROVED',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Act fast, {{1}}!', example: { header_text: ['Pablo'] } },
      {
        type: 'BODY',
        text: 'Your code {{1}} expires in {{2}} days!',
        example: { body_text: [['SUMMER20', '10']] },
      },
      { type: 'FOOTER', text: 'Lucky Shrub' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'See deals',
            url: 'https://example.com/deals/{{1}}',
            example: ['https://example.com/deals/SUMMER'],
          },
          { type: 'QUICK_REPLY', text: 'Unsubscribe' },
        ],
      },
    ],
  },
  {
    id: '1520938455271122',
    name: 'spring_sale',
    language: 'en_US',
    status: 'PENDING',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'BODY', text: 'Spring sale: {{1}} off everything!', example: { body_text: [['20%']] } },
    ],
  },
  {
    id: '1520938455271123',
    name: 'old_promo',
    language: 'en_US',
    status: 'REJECTED',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [{ type: 'BODY', text: 'Last chance for our old promo!' }],
  },
];

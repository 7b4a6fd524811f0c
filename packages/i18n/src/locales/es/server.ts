import type { Translation } from '../../catalogue.ts';
import type { server as en } from '../en/server.ts';

export const server: Translation<typeof en> = {
  templates: {
    smsConfirmation:
      '{store}: recibimos tu pedido #{number}. Síguelo aquí: {link}[ Código de recogida: {code}.]',
    smsStarted: '{store}: la cocina está preparando tu pedido #{number}[, listo hacia las {eta}].',
    smsReady:
      '{store}: ¡tu pedido #{number} está listo![ Muestra el código {code} en el mostrador.]',
    callReady:
      'Hola, le llamamos de {store}. Su pedido número {number} está listo. Por favor, pase al mostrador.',
    smsOnTheWay: '{store}: tu pedido #{number} va en camino[ con {driver}]. Síguelo aquí: {link}',
    smsPaymentLink:
      '{store}: paga tu pedido #{number} ({total}) aquí: {link}[ El enlace funciona hasta el {payBy}.][ Listo unos {wait} min después de pagar.][ Listo a las {eta}.]',
  },
  checkout: { order: 'Pedido #{{number}}', tax: 'Impuestos', tip: 'Propina' },
  email: {
    follow: 'Sigue tu pedido',
    confirmationSubject: 'Tu pedido #{{number}} en {{store}}',
    confirmationIntro: '¡Gracias! Tenemos tu pedido #{{number}} en {{store}}.',
    canceledSubject: 'Pedido #{{number}} cancelado',
    canceledIntro: 'Tu pedido #{{number}} en {{store}} fue cancelado.',
    refunding: 'Estamos reembolsando tu pago; puede tardar unos días en aparecer.',
    paymentLinkSubject: 'Paga tu pedido #{{number}} en {{store}}',
    paymentLinkIntro:
      'Aquí tienes el enlace para pagar tu pedido #{{number}} en {{store}}. La cocina empieza en cuanto esté pagado.',
    readyAt: 'Estará listo a las {{time}}.',
    readyAfter: 'Estará listo unos {{minutes}} minutos después de pagar.',
    payNow: 'Pagar ahora',
    linkUntil: 'El enlace funciona hasta el {{time}}.',
    staffOrderSubject: 'Pedido nuevo #{{number}} ({{kind}})',
    staffOrderIntro: 'Pedido pagado nuevo #{{number}} en {{store}}.',
    openOrder: 'Abrir el pedido',
    customer: 'Cliente: {{name}}',
    customerWithPhone: 'Cliente: {{name}}, {{phone}}',
    notGiven: 'sin nombre',
    table: 'Mesa: {{table}}',
    notes: 'Notas: {{notes}}',
    total: 'Total',
    pickupCode: 'Código de recogida: {{code}}',
    pickupCodeLabel: 'Código de recogida:',
    fulfilment: { pickup: 'para recoger', delivery: 'a domicilio', dine_in: 'en el local' },
  },
};
